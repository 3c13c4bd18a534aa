import Foundation
import Testing
@testable import GazetteKit

@Suite struct PageFeedDetectorTests {
    /// The items found, and the names of their containers (elements die with their tree).
    func detect(_ body: String) throws -> (items: [PageFeedItem], containers: [String]) {
        let tree = try #require(HTMLTree(utf8: Array("<html><body>\(body)</body></html>".utf8)))
        let found = PageFeedDetector(baseURL: "https://news.example.org/live").detect(in: try #require(tree.body))
        return (found.items, found.containers.map(\.name))
    }

    @Test func wrappedItemsOfTimeHeadlineAndText() throws {
        let items = (1...3).map { n in
            "<div class='u'><time>0\(n):15</time><h3><a href='/u\(n)'>Update number \(n) on the ferry</a></h3><p>Text \(n).</p></div>"
        }.joined()
        let found = try detect("<section id='feed'>\(items)</section><p>Unrelated paragraph.</p>")
        #expect(found.items.map(\.headline) == ["Update number 1 on the ferry", "Update number 2 on the ferry", "Update number 3 on the ferry"])
        #expect(found.items.map(\.time) == ["01:15", "02:15", "03:15"])
        #expect(found.items[0].text == "Text 1.")
        #expect(found.items[1].link == "https://news.example.org/u2")
        #expect(found.containers == ["section"])
    }

    @Test func aFlatRunOfSiblings() throws {
        let found = try detect("""
        <div><span>8:15</span><strong>Bridge closed for repairs today</strong><p>Crews are on site.</p>
        <span>9:40 am</span><strong>Ferry timetable changes</strong><p>Extra sailings.</p></div>
        """)
        #expect(found.items.map(\.headline) == ["Bridge closed for repairs today", "Ferry timetable changes"])
        #expect(found.items.map(\.time) == ["8:15", "9:40 am"])
    }

    @Test func datesWithoutHeadlinesAreNoFeed() throws {
        #expect(try detect("<ul><li>8:15</li><li>9:15</li><li>10:15</li></ul>").items.isEmpty)
    }

    @Test(arguments: [("12:08 PM", true), ("8:15", true), ("07.30", true), ("5 min ago", true), ("2 hours ago", true),
                      ("25:00", false), ("1999", false), ("8:15 in the morning today", false), ("ago", false)])
    func timesLookLikeTimes(text: String, expected: Bool) {
        #expect(PageFeedDetector.looksLikeTime(text) == expected)
    }
}
