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
        guard utf8.contains(where: { $0 != $0.asciiLowercased }) else { return self }
        return String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }

    /// ASCII spaces in the text (words minus one, in collapsed text).
    var spaceCount: Int {
        var count = 0
        for byte in utf8 where byte == 0x20 { count += 1 }
        return count
    }
}

extension UInt8 {
    /// `A`–`Z` lower-cased; every other byte as it is.
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
    /// `A`–`Z`, `a`–`z`.
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }
    /// `0`–`9`.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// Space, tab, line feed, carriage return: the whitespace markup scanners skip.
    var isASCIISpace: Bool { self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D }
}
