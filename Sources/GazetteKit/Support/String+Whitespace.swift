import Foundation

extension String {
    /// Runs of whitespace (no-break spaces included) as one space, ends trimmed.
    public var collapsingWhitespace: String {
        // One pass over UTF-8: ASCII whitespace, and the Unicode spaces by their byte sequences
        // (U+0085, U+00A0, U+1680, U+2000-200A, U+2028, U+2029, U+202F, U+205F, U+3000).
        var source = self
        return source.withUTF8 { input -> String in
            let count = input.count
            return String(unsafeUninitializedCapacity: count) { out in
                var o = 0
                var i = 0
                var pendingSpace = false
                while i < count {
                    let byte = input[i]
                    var spaceLength = 0
                    if byte < 0x80 {
                        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { spaceLength = 1 }
                    } else if byte == 0xC2, i + 1 < count, input[i + 1] == 0x85 || input[i + 1] == 0xA0 {
                        spaceLength = 2
                    } else if byte >= 0xE1, byte <= 0xE3, i + 2 < count {
                        let b1 = input[i + 1], b2 = input[i + 2]
                        switch byte {
                        case 0xE1: if b1 == 0x9A, b2 == 0x80 { spaceLength = 3 }
                        case 0xE2:
                            if b1 == 0x80, (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { spaceLength = 3 }
                            if b1 == 0x81, b2 == 0x9F { spaceLength = 3 }
                        default: if b1 == 0x80, b2 == 0x80 { spaceLength = 3 }
                        }
                    }
                    if spaceLength > 0 {
                        pendingSpace = o > 0
                        i += spaceLength
                        continue
                    }
                    if pendingSpace {
                        out[o] = 0x20
                        o += 1
                        pendingSpace = false
                    }
                    out[o] = byte
                    o += 1
                    i += 1
                }
                return o
            }
        }
    }
}