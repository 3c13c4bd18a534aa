import Foundation
import Testing
@testable import GazetteKit

@Suite struct SizeBudgetTests {
    static func bigDigest(items: Int) -> Digest {
        var digest = SampleDigest.digest
        let paragraph = String(repeating: "The council met on Tuesday to discuss the harbour budget. ", count: 6)
            + "Members voted to delay the decision."
        digest.sections = [DigestSection(name: "News", items: (1...items).map { index in
            DigestItem(headline: "Story number \(index)", link: "https://example.org/story/\(index)",
                       sourceName: "Example", lead: [paragraph, paragraph])
        })]
        return digest
    }

    @Test func aDigestWithinTheBudgetIsUntouched() throws {
        let rendered = DigestRenderer(digest: Self.bigDigest(items: 5), templates: try TemplateSet()).render(for: SampleDigest.recipient)
        #expect(rendered.itemsShown == 5 && rendered.itemsShortened == 0 && rendered.itemsDropped == 0)
    }

    @Test func itemsDegradeFromTheEndUntilTheHTMLFits() throws {
        let digest = Self.bigDigest(items: 40)
        let options = RenderOptions(htmlBudget: 60_000)
        let rendered = DigestRenderer(digest: digest, templates: try TemplateSet(), options: options).render(for: SampleDigest.recipient)
        let html = try #require(rendered.html)
        #expect(html.utf8.count <= 60_000)
        #expect(rendered.itemsShortened > 0)
        // The first story keeps its full lead; the last ones are shortened, never cut mid-markup.
        #expect(html.contains("Members voted to delay the decision."))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("Unsubscribe</a>"))
        // Some items still have their full lead.
        #expect(rendered.itemsShown > 0 && rendered.itemsShown < 40)
    }

    @Test func whenHeadlinesAloneDoNotFitTheRestIsLinkedAsMoreStories() throws {
        let digest = Self.bigDigest(items: 200)
        let options = RenderOptions(htmlBudget: 40_000)
        let rendered = DigestRenderer(digest: digest, templates: try TemplateSet(), options: options).render(for: SampleDigest.recipient)
        let html = try #require(rendered.html)
        #expect(html.utf8.count <= 40_000)
        #expect(rendered.itemsDropped > 0)
        #expect(html.contains("\(rendered.itemsDropped) more stories"))
        #expect(html.contains("href=\"https://morning.example.org/2026-11-29\""))
        #expect(html.contains("Story number 1<"))
        #expect(!html.contains("Story number 200<"))
        // The text part carries the same selection.
        #expect(rendered.text.contains("\(rendered.itemsDropped) more stories: https://morning.example.org/2026-11-29"))
        #expect(!rendered.text.contains("Story number 200 "))
    }

    @Test func theDefaultBudgetKeepsAFortyItemDigestUnder90KB() throws {
        let rendered = DigestRenderer(digest: Self.bigDigest(items: 40), templates: try TemplateSet()).render(for: SampleDigest.recipient)
        #expect(try #require(rendered.html).utf8.count < 90_000)
    }
}
