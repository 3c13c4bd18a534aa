import Testing
@testable import GazetteKit

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("a@b.org", "a@b.org"),
        ("First.Last+tag@Example.COM", "First.Last+tag@example.com"),
        ("  padded@example.org  ", "padded@example.org"),
        ("\"john doe\"@example.org", "\"john doe\"@example.org"),
        ("ann@bücher.example", "ann@xn--bcher-kva.example"),
        ("user@MÜNCHEN.de", "user@xn--mnchen-3ya.de"),
        ("o'brien@example.ie", "o'brien@example.ie"),
    ])
    func normalises(raw: String, expected: String) throws {
        #expect(try EmailAddress.normalize(raw) == expected)
    }

    @Test(arguments: [
        "", "no-at-sign", "a@localhost", "Jo <jo@x.org>", "a@b.org\r\nBcc: x@y.org", "a b@c.org", ".a@b.org",
        "a..b@c.org", "a.@b.org", "a@-b.org", "a@b..org", "a@b.123", "a@exa_mple.org",
        String(repeating: "x", count: 65) + "@example.org", "a@" + String(repeating: "d", count: 64) + ".org",
    ])
    func refuses(raw: String) {
        #expect(throws: SubscriberError.self) { try EmailAddress.normalize(raw) }
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(throws: SubscriberError.invalidAddress("Jo <jo@x.org>", reason: "give the bare address, without a display name or angle brackets")) {
            try EmailAddress.normalize("Jo <jo@x.org>")
        }
    }

    @Test(arguments: [("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"), ("例え", "r8jz45g"), ("テスト", "zckzah")])
    func punycode(label: String, encoded: String) {
        #expect(Punycode.encode(label) == encoded)
    }
}
