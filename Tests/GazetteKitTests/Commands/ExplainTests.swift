import Foundation
import Testing
@testable import GazetteKit

/// `gazette explain` for a sent, a capped, a keyword-filtered, a duplicate, a too-old and a
/// sent-before story, and for one no source had.
@Suite struct ExplainTests {
    @Test func explainSaysWhatHappenedToAStory() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(DailyRunTests.day1)
        let world = fixture.root.appendingPathComponent("feeds/world.xml")
        try FileManager.default.copyItem(at: world, to: fixture.root.appendingPathComponent("feeds/copy.xml"))
        let copy = fixture.http.url("/file/feeds/copy.xml")
        try fixture.rewriteConfig { text in
            text.replacingOccurrences(of: "    section: World\n", with: "    section: World\n    max_items: 1\n"
                                      + "  - url: \(copy)\n    section: World\n    exclude: [Ferry]\n")
        }
        #expect(try fixture.run().status == 0)
        func explain(_ story: String) throws -> GazetteProcess {
            try GazetteProcess.run(["explain", story, "--config", fixture.configURL.path])
        }
        let sent = try explain("https://news.example.org/a1")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("\"Harbour bridge reopens\"") && sent.stdout.contains("first seen in edition test.example.org_2026-11-29 from World Wire"))
        #expect(sent.stdout.contains("sent in section World to 2 subscribers"), "\(sent.stdout)")

        let capped = try explain("a2")  // by guid
        #expect(capped.stdout.contains("over the source's cap: max_items 1 of this source"), "\(capped.stdout)")
        let old = try explain("Story from last month")  // by headline
        #expect(old.stdout.contains("older than the lookback window: dated 2026-10-29"), "\(old.stdout)")

        let selection = try String(contentsOf: fixture.stateURL.appendingPathComponent("selections/test.example.org_2026-11-29.jsonl"),
                                   encoding: .utf8)
        #expect(selection.contains("\"outcome\":\"duplicate\"") && selection.contains("\"outcome\":\"keyword\""), "\(selection)")

        try fixture.writeFeed(DailyRunTests.day1 + [("b1", "Lighthouse gets a new lamp", "Mon, 30 Nov 2026 05:00:00 GMT")])
        #expect(try fixture.run(now: "2026-11-30T06:00:00Z").status == 0)
        let again = try explain("https://news.example.org/a1?utm_source=newsletter")
        #expect(again.stdout.contains("test.example.org_2026-11-30: not sent again: it was in an earlier edition"), "\(again.stdout)")

        let unknown = try explain("https://elsewhere.example.org/never")
        #expect(unknown.status == 1 && unknown.stdout.contains("not in any edition's selection"))
    }
}
