extension String {
    /// Whether `needle` occurs in this string, by bytes. Unlike Foundation's `contains(_:)` on
    /// Linux, this never goes through `NSString`, which matters in loops over many paragraphs.
    func has(_ needle: String) -> Bool {
        let haystack = utf8, pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        var index = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while index <= last {
            if haystack[index] == first, haystack[index...].starts(with: pattern) { return true }
            index = haystack.index(after: index)
        }
        return false
    }
}
