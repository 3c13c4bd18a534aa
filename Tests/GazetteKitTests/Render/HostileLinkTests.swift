import Foundation
import Testing
@testable import GazetteKit

/// Only http(s) reaches an href or src, read the way a browser reads an attribute.
@Suite struct HostileLinkTests {
    static let hostile = [
        "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "\u{01}javascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "VBScript:x",
        "file:///etc/passwd", "//evil.example/x", "/relative/path", "https:///no-host", "http:evil.example",
        "java&#x09;script:alert(1)", "javascript&colon;alert(1)",
    ]

    @Test(arguments: hostile)
    func aSchemeOtherThanHTTPIsRefused(_ url: String) {
        #expect(WebLink.http(url) == nil)
    }

    @Test func httpLinksPassCleanedTheWayBrowsersCleanThem() {
        #expect(WebLink.http("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2")
        #expect(WebLink.http("  HTTP://Example.org/\tpath\n ") == "HTTP://Example.org/path")
        #expect(WebLink.https("http://example.org/picture.jpg") == nil)
        #expect(WebLink.https("https://example.org/picture.jpg") == "https://example.org/picture.jpg")
    }

    @Test func hostileFeedLinksBecomeTextInBothParts() throws {
        var digest = SampleDigest.digest
        let items = Self.hostile.enumerated().map { index, url in
            DigestItem(headline: "Story \(index)", link: url, lead: ["A lead long enough to show."],
                       image: DigestImage(url: url, alt: "picture"),
                       feedItems: [PageFeedItem(time: "09:00", headline: "Update \(index)", text: nil, link: url)])
        }
        digest.sections = [DigestSection(name: "News", items: items + [DigestItem(headline: "Safe", link: "https://example.org/safe")])]
        digest.footer.webURL = "javascript:alert('web')"
        let rendered = DigestRenderer(digest: digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        let html = try #require(rendered.html)
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let sources = html.components(separatedBy: "src=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!hrefs.isEmpty)
        #expect((hrefs + sources).allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("http://") || $0.hasPrefix("mailto:") },
                "\(hrefs + sources)")
        #expect(html.contains("Story 0"))
        #expect(html.contains("href=\"https://example.org/safe\""))
        // The text part lists no reference for them either.
        #expect(!rendered.text.lowercased().contains("script:"))
        #expect(!rendered.text.contains("data:text"))
        #expect(rendered.text.contains("https://example.org/safe"))
    }
}
