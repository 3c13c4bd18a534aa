import Testing
@testable import GazetteKit

@Suite struct SharedEncodingTests {
    @Test func sharedQuotedPrintableEqualsEncodingEachCopyWhole() throws {
        let renderer = DigestRenderer(digest: SizeBudgetTests.bigDigest(items: 30), templates: try TemplateSet())
        var recipients = [SampleDigest.recipient]
        var long = SampleDigest.recipient
        long.name = String(repeating: "Ünïcödé ", count: 20) + "<&>"
        long.unsubscribeURL = "https://example.org/u?token=" + String(repeating: "x", count: 200) + "&a=b"
        recipients.append(long)
        var text = SampleDigest.recipient
        text.format = .text
        recipients.append(text)
        for recipient in recipients {
            let rendered = renderer.render(for: recipient)
            let encoded = EncodedDigest(renderer).body(for: recipient)
            #expect(encoded.text == QuotedPrintable.encode(rendered.text))
            #expect(encoded.html == rendered.html.map { QuotedPrintable.encode($0) })
        }
    }
}
