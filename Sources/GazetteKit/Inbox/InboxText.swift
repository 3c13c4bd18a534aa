import Foundation

/// A text prepared once for many pattern searches: its UTF-8 with ASCII letters lower-cased,
/// and, for longer texts, a bit set of the byte triples it contains, so that a literal the text
/// lacks (most of the phrase tables, for any one notice) is usually refused without a scan.
struct InboxText {
    let string: String
    let folded: [UInt8]
    /// `folded` as a string (the same UTF-16 offsets as `string`), for `.asciiFolded` patterns.
    let foldedString: String
    private let triples: [UInt64]

    private static let tripleBits = 13
    private static let minimumForTriples = 192

    init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            folded = bytes.map(\.asciiLowercased)
            foldedString = String(decoding: folded, as: UTF8.self)
        } else {
            folded = bytes
            foldedString = string
        }
        guard folded.count >= Self.minimumForTriples else { triples = []; return }
        var bits = [UInt64](repeating: 0, count: (1 << Self.tripleBits) / 64)
        folded.withUnsafeBufferPointer { bytes in
            for index in 0..<(bytes.count - 2) {
                let slot = Self.slot(bytes[index], bytes[index + 1], bytes[index + 2])
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }
        triples = bits
    }

    private static func slot(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let key = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
        return Int((key &* 2_654_435_761) >> UInt32(32 - tripleBits))
    }

    /// Whether `literal` (ASCII lower-case) occurs in the folded text.
    func contains(_ literal: [UInt8]) -> Bool {
        let count = literal.count
        guard count > 0 else { return true }
        guard folded.count >= count else { return false }
        if count >= 3, !triples.isEmpty {
            for index in 0..<(count - 2) {
                let slot = Self.slot(literal[index], literal[index + 1], literal[index + 2])
                if triples[slot >> 6] & (1 << UInt64(slot & 63)) == 0 { return false }
            }
        }
        return folded.withUnsafeBufferPointer { haystack in
            literal.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!, last = haystack.count - count
                var start = 0
                while start <= last, let hit = memchr(base + start, Int32(needle[0]), last - start + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle.baseAddress!, count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// Whether the text meets `requirement` (one string of each group occurs).
    func meets(_ requirement: LiteralRequirement) -> Bool {
        for group in requirement.groups where !group.contains(where: contains) { return false }
        return true
    }
}
