import Foundation
import Testing
@testable import GazetteKit

@Suite struct FeedDiscoveryTests {
    @Test func findsAnnouncedFeedsResolvedAgainstTheBase() throws {
        let html = try FeedFixture.data("discovery.html")
        let links = FeedDiscovery.feeds(inHTML: html, pageURL: "https://elsewhere.example.org/page")
        #expect(links.map(\.url) == ["https://harbour.example.org/news/feed.xml", "https://harbour.example.org/atom.xml",
                                     "https://harbour.example.org/feed.json"])
        #expect(links.map(\.type) == ["application/rss+xml", "application/atom+xml", "application/feed+json"])
        #expect(links[0].title == "RSS")
    }

    @Test func aPageWithoutFeedsHasNone() {
        #expect(FeedDiscovery.feeds(inHTML: Data("<p>no feeds</p>".utf8), pageURL: nil).isEmpty)
    }
}
