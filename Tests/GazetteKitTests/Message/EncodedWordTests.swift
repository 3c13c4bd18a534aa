import Testing
@testable import GazetteKit

@Suite struct EncodedWordTests {
    @Test func asciiHeadersAreFoldedAtSpaces() {
        let subject = Array(repeating: "harbour", count: 20).joined(separator: " ")
        let field = EncodedWord.field("Subject", subject)
        let lines = field.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.joined(separator: "").dropFirst("Subject: ".count) == subject[...])
    }

    @Test func nonASCIIBecomesEncodedWordsThatNeverSplitACharacter() throws {
        let subject = String(repeating: "Café ☕ 東京 👩‍👩‍👧 ", count: 6)
        let words = EncodedWord.encodedWords(subject)
        #expect(words.count > 1)
        for word in words {
            #expect(word.utf8.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            // Each word decodes on its own to valid UTF-8.
            let payload = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Self.base64Decode(payload))
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
        let field = EncodedWord.field("Subject", subject)
        #expect(field.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func lineBreaksAndControlCharactersCannotInjectHeaders() {
        let field = EncodedWord.field("Subject", "Hello\r\nBcc: victim@example.org\u{0}\u{7}\u{85}there")
        #expect(!field.contains("\r\nBcc"))
        #expect(field == "Subject: Hello Bcc: victim@example.org there")
        let unicode = EncodedWord.field("Subject", "Ünïcode\u{2028}Bcc: x@y")
        #expect(!unicode.contains("\u{2028}") && !unicode.contains("\n"))
    }

    static func base64Decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bits: UInt32 = 0
        var count = 0
        var out: [UInt8] = []
        for byte in text.utf8 where byte != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8((bits >> UInt32(count)) & 0xFF))
            }
        }
        return out
    }
}
