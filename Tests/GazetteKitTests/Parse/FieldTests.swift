import Foundation
import Testing
@testable import GazetteKit

@Suite struct FieldTests {
    @Test func rss20ChannelAndItems() throws {
        let feed = try FeedFixture.parse("rss20-full.xml", url: "https://harbour.example.org/feed.xml")
        #expect(feed.format == .rss20)
        #expect(feed.title == FeedText("Harbour & Quay", isHTML: false))
        #expect(feed.link == "https://harbour.example.org/")
        #expect(feed.description?.value == "News from the harbour.")
        #expect(feed.language == "en-gb")
        #expect(feed.updated.rfc3339 == "2026-11-29T06:30:00Z")
        #expect(feed.icon == "https://harbour.example.org/logo.png")
        #expect(feed.entries.count == 2)

        let first = feed.entries[0]
        #expect(first.title == FeedText("Bridge reopens \u{2013} café owners cheer", isHTML: false))
        #expect(first.link == "https://harbour.example.org/bridge")
        #expect(first.id == "harbour-bridge-1")
        #expect(first.published.rfc3339 == "2026-11-29T06:30:00Z")
        #expect(first.updated.rfc3339 == "2026-11-29T07:00:00Z")
        #expect(first.author == FeedAuthor(name: "Mara Lindqvist", email: "editor@harbour.example.org"))
        #expect(first.categories == ["Town", "Transport"])
        #expect(first.summary?.displayText == "The bridge reopened on Saturday.")
        #expect(first.summary?.isHTML == true)
        let content = try #require(first.content?.value)
        #expect(content.contains("href=\"https://harbour.example.org/history\""))
        #expect(content.contains("src=\"https://harbour.example.org/img/bridge.jpg\""))
        #expect(first.enclosures == [FeedEnclosure(url: "https://harbour.example.org/audio/bridge.mp3", type: "audio/mpeg", length: 123456)])

        let second = feed.entries[1]
        #expect(second.link == "https://harbour.example.org/ferries")  // a permalink guid stands in for the link
        #expect(second.id == "https://harbour.example.org/ferries")
        #expect(second.published.rfc3339 == "2026-11-28T21:05:00Z")  // 2-digit year, no seconds, EST
        #expect(second.author == FeedAuthor(name: "Jon Berg"))
        #expect(second.title?.displayText == "<b>Double-escaped</b> title")
        #expect(second.summary?.displayText == "Ferries run every 90 minutes, AT&T &doesnotexist; 1 < 2.")
    }

    @Test func atom10TextConstructsLinksAndXMLBase() throws {
        let feed = try FeedFixture.parse("atom10-full.xml")
        #expect(feed.format == .atom10)
        #expect(feed.title == FeedText("Science <Desk>", isHTML: false))
        #expect(feed.description?.displayText == "Stars & storms")
        #expect(feed.link == "https://science.example.org/")
        #expect(feed.language == "en")
        #expect(feed.icon == "https://science.example.org/favicon.ico")
        let entry = try #require(feed.entries.first)
        #expect(entry.title?.displayText == "Comet brightens")
        #expect(entry.link == "https://science.example.org/news/2026/11/comet-k1")  // xml:base inherited, then the entry's own
        #expect(entry.id == "tag:science.example.org,2026:comet-k1")
        #expect(entry.published.rfc3339 == "2026-11-29T02:10:00Z")
        #expect(entry.updated.rfc3339 == "2026-11-29T04:45:00Z")
        #expect(entry.author == FeedAuthor(name: "Ines Okafor", email: "ines@science.example.org"))
        #expect(entry.categories == ["astronomy"])
        #expect(entry.summary == FeedText("Magnitude 6.2 <now>.", isHTML: false))
        #expect(entry.content?.value == "<p>See <a href=\"https://cdn.example.net/media/chart.png\">the chart</a>.</p>")
        #expect(entry.enclosures == [FeedEnclosure(url: "https://science.example.org/news/2026/11/comet.jpg", type: "image/jpeg", length: 2048)])
    }

    @Test func atom03ModesAndDates() throws {
        let feed = try FeedFixture.parse("atom03.xml", url: "http://old.example.org/feed")
        #expect(feed.format == .atom03)
        #expect(feed.title?.displayText == "Old <b>Atom</b>")
        let entry = try #require(feed.entries.first)
        #expect(entry.published.rfc3339 == "2003-12-31T18:14:55Z")  // issued
        #expect(entry.updated.rfc3339 == "2004-01-01T19:48:21Z")  // modified
        #expect(entry.content?.value == "<p>Hello <a href=\"http://old.example.org/x\">world</a></p>")  // base64, resolved
    }

    @Test func rss10ItemsAreSiblingsOfTheChannel() throws {
        let feed = try FeedFixture.parse("rss10.xml")
        #expect(feed.format == .rss10)
        #expect(feed.entries.map(\.id) == ["http://rdf.example.org/1", "http://rdf.example.org/2"])
        #expect(feed.entries[0].author?.name == "Ann Author")
        #expect(feed.entries[0].published.rfc3339 == "2026-11-01T00:00:00Z")
        #expect(feed.entries[0].updated.rfc3339 == "2026-11-02T10:00:00Z")
    }

    @Test func htmlEntitiesDeclaredByTheNetscapeDTDAreDecodedWithoutLoadingIt() throws {
        let feed = try FeedFixture.parse("rss091.xml")
        #expect(feed.format == .rss09x)
        #expect(feed.title?.value == "Café news")
        #expect(feed.entries.first?.title?.value == "Naïve © 2001")
    }

    @Test(arguments: [
        ("email@example.org (Jo Smith)", FeedAuthor(name: "Jo Smith", email: "email@example.org")),
        ("Jo Smith (email@example.org)", FeedAuthor(name: "Jo Smith", email: "email@example.org")),
        ("Jo Smith <email@example.org>", FeedAuthor(name: "Jo Smith", email: "email@example.org")),
        ("email@example.org", FeedAuthor(name: nil, email: "email@example.org")),
        ("Jo Smith", FeedAuthor(name: "Jo Smith", email: nil)),
    ])
    func rssAuthorText(text: String, author: FeedAuthor) {
        #expect(XMLFeedReader.author(fromText: text) == author)
    }

    @Test func entitiesCDATAAndNumericReferences() throws {
        let feed = try FeedFixture.parse(text: """
        <rss version="2.0"><channel><title>&lt;&gt;&amp;&quot;&apos; &#233;&#x20AC; &eacute;&nbsp;&hellip;</title>
        <item><title><![CDATA[Fish & <chips>]]></title><description><![CDATA[<p>A &amp; B</p>]]></description></item>
        </channel></rss>
        """)
        #expect(feed.title?.value == "<>&\"' é€ é\u{00A0}…")
        #expect(feed.entries[0].title == FeedText("Fish & <chips>", isHTML: false))
        #expect(feed.entries[0].summary?.displayText == "A & B")
    }

    @Test func illFormedDocumentsAreRecovered() throws {
        let feed = try FeedFixture.parse("illformed.xml")
        #expect(feed.title?.value == "Broken & proud")
        #expect(feed.entries.map(\.link) == ["http://broken.example.org/1?a=1&b=2", "http://broken.example.org/2"])
        #expect(feed.entries[0].title?.value == "First <unclosed")
    }

    @Test func relativeLinksUseTheDocumentURLWhenThereIsNoXMLBase() throws {
        let feed = try FeedFixture.parse(text: "<rss><channel><link>/</link><item><link>a/b</link></item></channel></rss>",
                                         url: "https://site.example.org/feeds/main.xml")
        #expect(feed.link == "https://site.example.org/")
        #expect(feed.entries[0].link == "https://site.example.org/feeds/a/b")
    }
}
