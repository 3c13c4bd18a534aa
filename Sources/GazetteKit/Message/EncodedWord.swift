/// RFC 2047 encoded-words and header folding for header text with non-ASCII characters.
enum EncodedWord {
    /// Text safe to put in a header: control characters (CR and LF included) become spaces,
    /// runs of whitespace collapse. This is what stops header injection from feed titles.
    static func sanitised(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
                || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            if isSpace {
                if !lastWasSpace, !result.isEmpty { result.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return result.hasSuffix(" ") ? String(result.dropLast()) : result
    }

    /// Whether `text` can go into a header as it is (printable ASCII only).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `=?UTF-8?B?...?=` words, each at most 75 characters, never splitting a character
    /// (and so never a UTF-8 sequence).
    static func encodedWords(_ text: String) -> [String] {
        let prefix = "=?UTF-8?B?"
        // 39 bytes of text make 52 base64 characters: a 64-character word fits after "Subject: ".
        let maxBytes = 39
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maxBytes, !chunk.isEmpty {
                words.append(prefix + Base64.encode(chunk) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(prefix + Base64.encode(chunk) + "?=") }
        return words
    }

    /// A whole header field, `Name: value`, folded at 78 columns with CRLF + space. Non-ASCII
    /// values become encoded-words; ASCII ones are folded at spaces.
    static func field(_ name: String, _ value: String) -> String {
        let value = sanitised(value)
        let tokens = isPlainASCII(value) ? value.split(separator: " ").map(String.init) : encodedWords(value)
        return fold(name: name, tokens: tokens)
    }

    /// Joins tokens with single spaces after `Name: `, starting a continuation line when a line
    /// would pass 78 characters. (Between encoded-words the folding whitespace is ignored by readers.)
    static func fold(name: String, tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.utf8.count
        for token in tokens {
            if lineLength + 1 + token.utf8.count > 78, lineLength > name.utf8.count + 1 {
                out += "\r\n "
                lineLength = 1
            } else {
                out += " "
                lineLength += 1
            }
            out += token
            lineLength += token.utf8.count
        }
        return out
    }
}
