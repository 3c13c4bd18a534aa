/// Header values with RFC 2047 encoded words decoded, the way the prototype does it with
/// Python's `email.header.decode_header`: the raw bytes read as UTF-8 (else Latin-1), encoded
/// words decoded with their charset (adjacent words of one charset joined first, whitespace
/// between encoded words dropped), then whitespace collapsed.
enum EncodedWords {
    static func decode(_ raw: [UInt8]) -> String {
        let text = CharsetDecoder.decode(raw, charset: "utf-8")
        guard text.has("=?") else { return text.collapsingWhitespace }
        guard let words = words(of: text) else { return text.collapsingWhitespace }
        if !words.contains(where: { $0.charset != nil }) { return text.collapsingWhitespace }
        // Runs of words with the same charset become one piece of bytes.
        var pieces: [(bytes: [UInt8], charset: String?)] = []
        for word in words {
            if let last = pieces.last, last.charset == word.charset {
                pieces[pieces.count - 1].bytes += (word.charset == nil ? [0x20] : []) + word.bytes
            } else {
                pieces.append((word.bytes, word.charset))
            }
        }
        return pieces.map { CharsetDecoder.decode($0.bytes, charset: $0.charset) }.joined().collapsingWhitespace
    }

    private struct Word {
        var bytes: [UInt8]
        /// nil for text between encoded words.
        var charset: String?
        var isBlank = false
    }

    /// The plain and encoded words of the value, line by line; nil when a base64 word is broken
    /// (the prototype then keeps the value undecoded).
    private static func words(of text: String) -> [Word]? {
        var words: [Word] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak) {
            let scalars = Array(line.unicodeScalars)
            var plainStart = 0, index = 0, first = true
            func addPlain(_ end: Int) {
                var plain = String(String.UnicodeScalarView(scalars[plainStart..<end]))
                if first {
                    plain = String(plain.drop(while: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }))
                    first = false
                }
                if !plain.isEmpty {
                    words.append(Word(bytes: InboxBytes.rawUnicodeEscaped(plain), charset: nil,
                                      isBlank: plain.unicodeScalars.allSatisfy(\.properties.isWhitespace)))
                }
            }
            while index + 1 < scalars.count {
                guard scalars[index] == "=", scalars[index + 1] == "?", let word = encodedWord(scalars, at: index) else {
                    index += 1
                    continue
                }
                addPlain(index)
                guard let decoded = decodeWord(word.encoding, word.payload) else { return nil }
                words.append(Word(bytes: decoded, charset: word.charset))
                index = word.end
                plainStart = index
            }
            addPlain(scalars.count)
        }
        // Whitespace between two encoded words is dropped.
        var kept: [Word] = []
        for (index, word) in words.enumerated() {
            if word.isBlank, index > 0, index + 1 < words.count, words[index - 1].charset != nil, words[index + 1].charset != nil { continue }
            kept.append(word)
        }
        return kept
    }

    /// `=?charset?q|b?payload?=` starting at `start`, or nil.
    private static func encodedWord(_ scalars: [Unicode.Scalar], at start: Int) -> (charset: String, encoding: Unicode.Scalar, payload: String, end: Int)? {
        var index = start + 2
        while index < scalars.count, scalars[index] != "?" { index += 1 }
        guard index + 2 < scalars.count, "qQbB".unicodeScalars.contains(scalars[index + 1]), scalars[index + 2] == "?" else { return nil }
        let charset = String(String.UnicodeScalarView(scalars[(start + 2)..<index])).lowercased()
        let encoding = scalars[index + 1]
        let payloadStart = index + 3
        var end = payloadStart
        while end + 1 < scalars.count, !(scalars[end] == "?" && scalars[end + 1] == "=") { end += 1 }
        guard end + 1 < scalars.count else { return nil }
        return (charset, encoding, String(String.UnicodeScalarView(scalars[payloadStart..<end])), end + 2)
    }

    private static func decodeWord(_ encoding: Unicode.Scalar, _ payload: String) -> [UInt8]? {
        if encoding == "q" || encoding == "Q" {
            var bytes = InboxBytes.rawUnicodeEscaped(payload).map { $0 == UInt8(ascii: "_") ? 0x20 : $0 }
            var out: [UInt8] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                   let high = TransferDecoding.hexValue(bytes[index + 1]), let low = TransferDecoding.hexValue(bytes[index + 2]) {
                    out.append(high << 4 | low)
                    index += 3
                    continue
                }
                out.append(bytes[index])
                index += 1
            }
            bytes = out
            return bytes
        }
        var padded = Array(payload.utf8)
        if padded.count % 4 != 0 { padded += Array("===".utf8).prefix(4 - padded.count % 4) }
        return TransferDecoding.base64Strict(padded)
    }

    /// Where Python's `str.splitlines()` splits.
    private static func isLineBreak(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
    }
}
