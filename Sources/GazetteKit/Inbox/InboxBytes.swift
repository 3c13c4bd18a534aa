import Foundation

/// Byte helpers for the MIME reader, which works on the raw message as the prototype worked on
/// it as a Latin-1 string (one character per byte).
enum InboxBytes {
    /// Whitespace as Python's `str.strip()` sees it in Latin-1 text.
    static func isSpace(_ byte: UInt8) -> Bool {
        (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x20) || byte == 0x85 || byte == 0xA0
    }

    /// The bytes without leading and trailing whitespace.
    static func stripped(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The ranges of the lines of `bytes` split at `\n` (Python `split('\n')`: a final `\n` gives an
    /// empty last line).
    static func lines(_ bytes: ArraySlice<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = bytes.startIndex
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let offset = bytes.startIndex
            var position = 0
            while position < buffer.count, let hit = memchr(base + position, 0x0A, buffer.count - position) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                result.append((offset + position)..<(offset + at))
                position = at + 1
            }
            start = offset + position
        }
        result.append(start..<bytes.endIndex)
        return result
    }

    /// Latin-1 bytes as a string: each byte is the code point of the same value.
    static func latin1(_ bytes: some Collection<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | byte >> 6)
                utf8.append(0x80 | byte & 0x3F)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A string's characters up to U+00FF as bytes (Latin-1), the others as `\uXXXX` text
    /// (Python's `raw-unicode-escape`).
    static func rawUnicodeEscaped(_ text: some StringProtocol) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
            } else {
                let hex = String(scalar.value, radix: 16)
                let escape = scalar.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) : "\\u" + String(repeating: "0", count: 4 - hex.count)
                bytes += Array((escape + hex).utf8)
            }
        }
        return bytes
    }

    /// Whether `bytes` starts with `prefix`.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes.prefix(prefix.count).elementsEqual(prefix)
    }
}
