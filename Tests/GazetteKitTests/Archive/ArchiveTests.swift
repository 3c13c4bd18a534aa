import Foundation
import Testing
@testable import GazetteKit

/// The web archive `run` writes and `serve` publishes.
@Suite struct ArchiveTests {
    @Test func runWritesTheWebCopyIndexAndFeedWithoutAnyReadersData() throws {
        let reader = Subscriber(id: "reader1", email: "reader@example.org", name: "Reader One", created: ServeTests.created)
        let fixture = try ServeFixture(subscribers: [reader])
        #expect(try fixture.run().status == 0)
        let archive = fixture.root.appendingPathComponent("state/archive")
        let page = try String(contentsOf: archive.appendingPathComponent("2026-11-29.html"), encoding: .utf8)
        #expect(page.contains("Harbour bridge reopens"))
        for personal in ["reader@example.org", "Reader One", "token=", "reader1", "unsubscribe"] {
            #expect(!page.contains(personal), "the web copy contains \(personal)")
        }
        #expect(page.contains("https://harbour.example.org/subscribe"))
        let index = try String(contentsOf: archive.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"2026-11-29.html\""))
        let feed = try FeedParser().parse(Data(contentsOf: archive.appendingPathComponent("feed.xml")))
        #expect(feed.format == .atom10)
        #expect(feed.entries.map(\.link) == ["https://harbour.example.org/editions/2026-11-29.html"])
        // The digest's "view in a browser" link is that page.
        let mail = try #require(try MailInspector.inspect(try FileManager.default.contentsOfDirectory(at: fixture.outbox, includingPropertiesForKeys: nil)).first)
        #expect(mail.body("text/html")?.contains("href=\"https://harbour.example.org/editions/2026-11-29.html\"") == true)
        #expect(mail.body("text/plain")?.contains("View in a browser: https://harbour.example.org/editions/2026-11-29.html") == true)

        // Served at /editions/, byte for byte.
        try fixture.start()
        let served = try fixture.request("GET", "/editions/2026-11-29.html")
        #expect(served.status == 200 && served.body == page)
        #expect(try fixture.request("GET", "/editions/").body.contains("2026-11-29.html"))
        #expect(try fixture.request("GET", "/editions/feed.xml").headers.lowercased().contains("application/atom+xml"))
        #expect(try fixture.request("GET", "/editions").status == 301)
    }

    @Test func editionsSentBeforeTheArchiveExistedAreWrittenOnTheNextRun() throws {
        let reader = Subscriber(id: "reader1", email: "reader@example.org", created: ServeTests.created)
        let fixture = try ServeFixture(subscribers: [reader])
        #expect(try fixture.run().status == 0)
        let archive = fixture.root.appendingPathComponent("state/archive")
        try FileManager.default.removeItem(at: archive)
        try """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Ferry gets a new engine</title><link>https://wire.example.org/ferry</link><guid>ferry</guid>
        <pubDate>Mon, 30 Nov 2026 05:00:00 GMT</pubDate><description>The ferry got a new engine, which is quieter and uses less fuel than before.</description></item>
        </channel></rss>
        """.write(to: fixture.root.appendingPathComponent("feeds/wire.xml"), atomically: true, encoding: .utf8)
        #expect(try fixture.run(now: "2026-11-30T06:00:00Z").status == 0)
        #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent("2026-11-29.html").path))
        #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent("2026-11-30.html").path))
        let index = try String(contentsOf: archive.appendingPathComponent("index.html"), encoding: .utf8)
        let newer = try #require(index.range(of: "2026-11-30.html")), older = try #require(index.range(of: "2026-11-29.html"))
        #expect(newer.lowerBound < older.lowerBound)
    }
}
