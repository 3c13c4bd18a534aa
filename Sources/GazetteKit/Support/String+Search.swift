import Foundation

extension String {
    /// Whether `needle` occurs in this string, by bytes (`memchr` and `memcmp`). Unlike Foundation's
    /// `contains(_:)` on Linux, this never goes through `NSString`, which matters in loops over
    /// many paragraphs.
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                let base = h.baseAddress!, last = h.count - n.count
                var i = 0
                while i <= last, let hit = memchr(base + i, Int32(n[0]), last - i + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }

    /// The text with ASCII letters lower-cased and everything else as it is: enough, and far
    /// cheaper than `lowercased()`, for matching against ASCII words.
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return self }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// ASCII spaces in the text (words minus one, in collapsed text).
    var spaceCount: Int {
        var count = 0
        for byte in utf8 where byte == 0x20 { count += 1 }
        return count
    }
}
