import Foundation
import Testing
@testable import GazetteKit

@Suite struct ArticleExtractorTests {
    static func article(_ name: String, url: String? = nil) throws -> Article {
        ArticleExtractor().extract(try Data(contentsOf: TestPaths.fixture("articles/\(name)")), url: url)
    }

    @Test func aSeedShapedPageYieldsItsLeadWithoutTheBoilerplate() throws {
        let article = try Self.article("seed-shaped.html", url: "https://courier.example.org/news/ferry-subsidy-vote")
        #expect(article.title == "Harbour council to vote on ferry subsidy on May 3-4")
        #expect(article.siteName == "The Coastal Courier")
        #expect(article.canonicalURL == "https://courier.example.org/news/ferry-subsidy-vote")
        #expect(article.published.map(Timestamp.rfc3339) == "2026-04-27T09:01:00Z")
        #expect(article.leadSource == .body)
        #expect(article.lead == [
            "The harbour council will vote on May 3-4 on whether to keep paying for the island ferry, the council's clerk said on Monday.",
            "In a notice published on its website on April 27, the council said members would discuss \"the cost of the crossing\" and \"winter timetables,\" including a plan from the operator to cut Sunday sailings.",
        ])
        #expect(article.paragraphs.count == 5)
        let body = article.paragraphs.joined(separator: "\n")
        for furniture in ["Skip to content", "Edit post", "news desk", "Wire Photos", "audio is created", "News Feed",
                          "Lighthouse", "subscribe", "indicates required", "MORE NEWS", "Editors' Picks", "©"] {
            #expect(!body.contains(furniture), "body contains \(furniture)")
        }
    }

    @Test func thePageFeedComesOutAsSeparateItems() throws {
        let article = try Self.article("seed-shaped.html", url: "https://courier.example.org/news/ferry-subsidy-vote")
        #expect(article.feedItems == [
            PageFeedItem(time: "12:08 PM", headline: "Lighthouse repairs to finish before summer, engineer says.",
                         text: "\"Everything depends on the weather. If the spring is calm, we will be done in June,\" chief engineer Lena Haas told reporters at the quay.",
                         link: "https://courier.example.org/news/lighthouse-repairs"),
            PageFeedItem(time: "10:59 AM", headline: "Market board extends manager's contract, starts audit after merger plan.",
                         text: "The extension comes after the board dropped plans to merge the fish market with the port authority.",
                         link: "https://courier.example.org/news/fish-market-audit"),
        ])
    }

    @Test func jsonLDInAGraphAndAPageWithoutArticleElements() throws {
        let article = try Self.article("graph-no-article.html", url: "https://rail.example.org/night-trains")
        #expect(article.title == "Night trains return to the northern line after 20 years")
        #expect(article.authors == ["Priya Nair", "Owen Hale"])
        #expect(article.published.map(Timestamp.rfc3339) == "2026-10-02T05:15:00Z")
        #expect(article.modified.map(Timestamp.rfc3339) == "2026-10-02T08:00:00Z")
        #expect(article.image?.url == "https://rail.example.org/img/sleeper.jpg")
        #expect(article.siteName == "Rail Weekly")
        #expect(article.language == "en-GB")
        #expect(article.paragraphs == [
            "Sleeper trains will run again on the northern line from 14 December, the operator confirmed on Thursday, ending a gap of almost 20 years.",
            "Tickets go on sale next week. A berth in a two-person cabin will cost from £79, and seats in the reclining coach from £35, the company said.",
            "Why now",
            "Demand for overnight travel has grown since short flights on the route were cut, and two sleeper coaches were refurbished this summer.",
            "Departures at 23:10 from the capital.",
            "Arrival at 07:45 at the terminus.",
        ])
    }

    @Test func aPaywallStubBylineAndTimestampStayOut() throws {
        let article = try Self.article("paywall.html")
        #expect(article.paragraphs == [
            "Chip makers are preparing for a slower 2027 as demand for phones and laptops cools, according to three analysts who cut their forecasts this week.",
            "Orders from the largest customers fell 4.5% in the third quarter, the first decline in two years.",
        ])
    }

    @Test func nonEnglishText() throws {
        let article = try Self.article("german.html")
        #expect(article.title == "Stadtbibliothek verlängert Öffnungszeiten")
        #expect(article.language == "de")
        #expect(article.lead.first == "Die Stadtbibliothek öffnet ab Januar auch sonntags, wie die Leiterin Dr. Eva Brandt am Dienstag mitteilte. „Wir wollen ein Ort für alle sein“, sagte sie.")
        #expect(article.paragraphs.last?.hasPrefix("Ехали медведи") == true)
        #expect(!article.paragraphs.contains { $0.contains("Von Jana") || $0.contains("Impressum") })
    }

    @Test func aPageThatIsNotAnArticleFallsBackToItsDescription() throws {
        let article = try Self.article("not-an-article.html")
        #expect(article.paragraphs.isEmpty)
        #expect(article.lead == ["Rope, paint and charts for small boats, since 1987."])
        #expect(article.leadSource == .description)
    }

    @Test func nothingUsableMeansNoLead() {
        let article = ArticleExtractor().extract(Data("<html><body><nav><a href=/>Home</a></nav></body></html>".utf8))
        #expect(article.lead.isEmpty)
        #expect(article.leadSource == .none)
    }

    @Test func binaryAndEmptyInputDoNotCrash() {
        #expect(ArticleExtractor().extract(Data()).paragraphs.isEmpty)
        let noise = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })
        _ = ArticleExtractor().extract(noise)
    }

    @Test func theDeclaredCharsetIsHonoured() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>Caf\u{e9} cr\u{e8}me, na\u{ef}ve fa\u{e7}ade: a long enough paragraph for the extractor to keep, with commas, too.</p></article></body></html>"
        let latin1 = try #require(html.data(using: .isoLatin1))
        let article = ArticleExtractor().extract(latin1)
        #expect(article.paragraphs.first?.hasPrefix("Café crème, naïve façade") == true)
    }
}
