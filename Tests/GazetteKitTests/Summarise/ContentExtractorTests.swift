import Foundation
import Testing
@testable import GazetteKit

@Suite struct ContentExtractorTests {
    func paragraphs(_ body: String, headline: String? = nil) throws -> [String] {
        let tree = try #require(HTMLTree(utf8: Array("<html><body>\(body)</body></html>".utf8)))
        return ContentExtractor(tree: tree, headline: headline).paragraphs(excluding: [])
    }

    static let prose = "The council met on Tuesday, after a long delay, and voted to keep the ferry running through the winter."
    static let more = "Supporters said the service pays for itself, while critics, including the harbour board, disagreed."

    @Test func theProseContainerBeatsALinkList() throws {
        let links = (1...12).map { "<li><a href='/\($0)'>Another story number \($0), with a comma</a></li>" }.joined()
        let body = try paragraphs("<div class='list'><ul>\(links)</ul></div><div><p>\(Self.prose)</p><p>\(Self.more)</p></div>")
        #expect(body == [Self.prose, Self.more])
    }

    @Test func boilerplateWordsDropContainersButNeverTheArticle() throws {
        let body = try paragraphs("""
        <div class="article-body"><p>\(Self.prose)</p><p>\(Self.prose) Again.</p>
        <div class="newsletter-signup"><p>Sign up for our newsletter, every morning, free of charge, in your inbox.</p></div></div>
        <div class="comments"><p>What a great article, thank you, I agree with every word of it.</p></div>
        """)
        #expect(body == [Self.prose, Self.prose + " Again."])
        // A class that says "sidebar" on the container holding the whole article does not drop it.
        let kept = try paragraphs("<div class='content-with-sidebar'><p>\(Self.prose)</p><p>\(Self.more)</p></div>")
        #expect(kept.count == 2)
    }

    @Test func anArticleSplitOverSiblingBoxesIsTakenWhole() throws {
        let boxes = (1...4).map { "<div class='text-block'><p>Part \($0): \(Self.prose)</p></div>" }.joined()
        let body = try paragraphs("<div class='wrapper'>\(boxes)</div><div class='promo'><p>Buy now.</p></div>")
        #expect(body.count == 4)
        #expect(body.first?.hasPrefix("Part 1:") == true && body.last?.hasPrefix("Part 4:") == true)
    }

    @Test func itempropArticleBodyWinsOutright() throws {
        let long = String(repeating: Self.prose + " ", count: 5)
        let body = try paragraphs("<div><p>\(Self.prose)</p></div><section itemprop='articleBody'><p>\(long)</p></section>")
        #expect(body == [long.trimmed])
    }

    @Test func theHeadlineRepeatedAtTheTopIsLeftOut() throws {
        let body = try paragraphs("<article><h2>Ferry stays</h2><p>\(Self.prose)</p><p>\(Self.more)</p></article>", headline: "Ferry Stays")
        #expect(body == [Self.prose, Self.more])
    }
}
