import Testing
@testable import GazetteKit

@Suite struct QuotedPrintableTests {
    func encoded(_ text: String) -> String { String(decoding: QuotedPrintable.encode(text), as: UTF8.self) }

    /// A strict decoder for the checks: soft breaks removed, =XX decoded.
    func decoded(_ qp: String) -> String {
        let bytes = Array(qp.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "=") {
                if bytes[index + 1] == 0x0D { index += 3; continue }
                out.append(UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)!)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func longLinesGetSoftBreaksWithinSeventySixColumns() {
        let text = String(repeating: "word ", count: 60) + "end\n"
        let qp = encoded(text)
        #expect(qp.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(qp.contains("=\r\n"))
        #expect(decoded(qp) == text)
    }

    @Test func trailingWhitespaceAndEqualsSignsAreEncoded() {
        #expect(encoded("a = b \nc\t\n-- \n") == "a =3D b=20\r\nc=09\r\n--=20\r\n")
    }

    @Test func dotsAndFromAtLineStartAreEncoded() {
        #expect(encoded(".\nFrom here\n..x\nFrom\n") == "=2E\r\n=46rom here\r\n=2E.x\r\nFrom\r\n")
        // Also when a soft break puts the dot at the start of a line.
        let text = String(repeating: "a", count: 75) + ".b"
        let qp = encoded(text)
        #expect(!qp.split(separator: "\r\n").contains { $0.hasPrefix(".") })
        #expect(decoded(qp) == text)
    }

    @Test func utf8IsEncodedByteByByteAndRoundTrips() {
        let text = "Café ☕ 東京 👩‍👩‍👧 " + String(repeating: "é", count: 40) + "\n"
        let qp = encoded(text)
        #expect(qp.utf8.allSatisfy { $0 < 0x80 })
        #expect(qp.hasPrefix("Caf=C3=A9 =E2=98=95"))
        #expect(qp.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(decoded(qp) == text)
        // A soft break never falls inside an =XX escape.
        #expect(!qp.contains("=\r\n3") && !qp.split(separator: "\r\n").contains { $0.hasSuffix("=C") })
    }

    @Test func crlfAndLFInputGiveTheSameOutput() {
        #expect(encoded("a\r\nb\r\n") == encoded("a\nb\n"))
    }
}
