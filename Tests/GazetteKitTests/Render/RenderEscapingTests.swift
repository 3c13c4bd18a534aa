import Foundation
import Testing
@testable import GazetteKit

@Suite struct RenderEscapingTests {
    static let hostile = "<script>alert(\"x\")</script> {{subscriber.email}} {{{title}}} 'quoted' & more"

    func render(headline: String, lead: [String] = [], recipient: Recipient = SampleDigest.recipient) throws -> RenderedDigest {
        var digest = SampleDigest.digest
        digest.sections = [DigestSection(name: "News <b>", items: [
            DigestItem(headline: headline, link: "https://example.org/a?b=1&c=\"2\"", sourceName: "Src & Co", lead: lead),
        ])]
        return DigestRenderer(digest: digest, templates: try TemplateSet()).render(for: recipient)
    }

    @Test func feedTextIsEscapedInHTMLAndNeverRunAsTemplateSyntax() throws {
        let rendered = try render(headline: Self.hostile, lead: [Self.hostile])
        let html = try #require(rendered.html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {{subscriber.email}} {{{title}}} &#39;quoted&#39; &amp; more"))
        #expect(html.contains("href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\""))
        #expect(html.contains("News &lt;b&gt;"))
        // The text part shows the text as it is, still not interpreted.
        let text = rendered.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("<script>alert(\"x\")</script> {{subscriber.email}} {{{title}}} 'quoted' & more"))
    }

    @Test func recipientFieldsAreEscapedWhereTheTemplateEscapes() throws {
        var recipient = SampleDigest.recipient
        recipient.name = "<Eve & \"Mallory\">"
        recipient.unsubscribeURL = "https://example.org/u?t=a&l=b"
        let rendered = try render(headline: "Plain", recipient: recipient)
        let html = try #require(rendered.html)
        #expect(html.contains("For &lt;Eve &amp; &quot;Mallory&quot;&gt;"))
        #expect(html.contains("href=\"https://example.org/u?t=a&amp;l=b\""))
        #expect(rendered.text.contains("Unsubscribe: https://example.org/u?t=a&l=b"))
        #expect(!html.contains("\u{E000}") && !rendered.text.contains("\u{E000}"))
    }

    @Test func copiesForTwoRecipientsDifferOnlyInTheirFields() throws {
        let renderer = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet())
        var other = SampleDigest.recipient
        other.email = "bob@example.net"
        other.name = "Bob"
        other.unsubscribeURL = "https://morning.example.org/unsubscribe?token=zzz"
        let first = try #require(renderer.render(for: SampleDigest.recipient).html)
        let second = try #require(renderer.render(for: other).html)
        #expect(second.contains("bob@example.net") && !second.contains("ada@example.org"))
        #expect(second.contains("token=zzz") && !second.contains("abc.DEF&amp;list"))
        let normalise = { (html: String, r: Recipient) -> String in
            var s = html
            for value in [r.unsubscribeURL!.replacingOccurrences(of: "&", with: "&amp;"), r.email, r.name!] {
                s = s.replacingOccurrences(of: value, with: "FIELD")
            }
            return s
        }
        #expect(normalise(first, SampleDigest.recipient) == normalise(second, other))
    }

    @Test func textSubscribersGetNoHTMLAndTheirSectionsOnly() throws {
        var recipient = SampleDigest.recipient
        recipient.format = .text
        recipient.sections = ["science"]
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: recipient)
        #expect(rendered.html == nil)
        #expect(rendered.text.contains("Science\n-------"))
        #expect(!rendered.text.contains("Harbour\n"))
        #expect(rendered.text.contains("[1] https://science.example.net/deep-sea-fish"))
    }

    @Test func withoutAnUnsubscribeURLTheFooterSaysHowToLeave() throws {
        var recipient = SampleDigest.recipient
        recipient.unsubscribeURL = nil
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: recipient)
        #expect(try #require(rendered.html).contains("To unsubscribe, reply to this message"))
        #expect(rendered.text.contains("To unsubscribe, reply to this message"))
    }
}
