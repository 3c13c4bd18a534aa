import Foundation
import Testing
@testable import GazetteKit

/// `gazette status --sources` after a run with a live feed, a feed gone quiet, a page that is not
/// a feed and a source that fails.
@Suite struct SourceStatusTests {
    @Test func eachSourceSaysHowItIsDoing() throws {
        let fixture = try RunFixture(active: 1, extraSources: [])
        try fixture.writeFeed(DailyRunTests.day1)
        try """
        <rss version="2.0"><channel><title>Quiet</title>
        <item><title>Old news</title><link>https://quiet.example.org/1</link><pubDate>Mon, 01 Jun 2026 08:00:00 GMT</pubDate></item>
        </channel></rss>
        """.write(to: fixture.root.appendingPathComponent("feeds/quiet.xml"), atomically: true, encoding: .utf8)
        try "<html><body><h1>Not a feed</h1><p>Hello.</p></body></html>"
            .write(to: fixture.root.appendingPathComponent("feeds/page.html"), atomically: true, encoding: .utf8)
        let quiet = fixture.http.url("/file/feeds/quiet.xml"), page = fixture.http.url("/file/feeds/page.html")
        let missing = fixture.http.url("/status/404")
        try fixture.rewriteConfig { text in
            text.replacingOccurrences(of: "    section: World\n", with: "    section: World\n  - url: \(quiet)\n    section: World\n"
                                      + "  - url: \(page)\n    section: World\n  - url: \(missing)\n    section: World\n")
        }
        _ = try fixture.run()
        let result = try GazetteProcess.run(["status", "--sources", "--config", fixture.configURL.path])
        #expect(result.status == 0, "\(result.stderr)")
        let blocks = result.stdout.components(separatedBy: "\nhttp").map { $0.hasPrefix("http") ? $0 : "http" + $0 }
        func block(_ url: String) -> String { blocks.first { $0.hasPrefix(url) } ?? "" }
        #expect(block(fixture.http.url("/file/feeds/world.xml")).contains("last time: feed, 3 entries"), "\(result.stdout)")
        #expect(block(fixture.http.url("/file/feeds/world.xml")).contains("items in the last 30 days: 2"))
        #expect(!block(fixture.http.url("/file/feeds/world.xml")).contains("POSSIBLY DEAD"))
        #expect(block(quiet).contains("POSSIBLY DEAD: no new item for 30 days"), "\(result.stdout)")
        #expect(block(page).contains("last time: not a feed") && block(page).contains("1 failed runs in a row"), "\(result.stdout)")
        #expect(block(missing).contains("last time: error") && block(missing).contains("HTTP 404"), "\(result.stdout)")
        #expect(result.stdout.contains("4 sources: 2 failing, 1 possibly dead"))
    }
}
