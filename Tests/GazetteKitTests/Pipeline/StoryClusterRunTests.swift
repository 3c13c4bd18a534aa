import Foundation
import Testing
@testable import GazetteKit

/// Three outlets carry one story: the digest shows it once with "Also in" links; the next day a
/// fourth outlet's copy is not new; `explain` says where the others went.
@Suite struct StoryClusterRunTests {
    static func feed(_ title: String, _ items: [(guid: String, title: String, lead: String)], day: Int) -> String {
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><link>https://\(title.lowercased().replacingOccurrences(of: " ", with: "")).example.org/\(item.guid)</link>
            <guid isPermaLink="false">\(item.guid)</guid><pubDate>\(day) Nov 2026 05:00:00 GMT</pubDate>
            <description>\(item.lead)</description></item>
            """
        }.joined(separator: "\n")
        return "<rss version=\"2.0\"><channel><title>\(title)</title>\n\(entries)\n</channel></rss>"
    }

    @Test func oneStoryFromThreeOutletsIsShownOnceAndIsNotNewTheNextDay() throws {
        let fixture = try RunFixture(active: 1)
        let feeds: [(String, [(String, String, String)])] = [
            ("Harbour Wire", [("a1", "Storm closes harbour bridge for two days",
                               "The Old Harbour swing bridge will stay closed until Thursday after Monday's storm damaged its turning gear, the port authority said."),
                              ("a2", "Ferry fares rise by 5 percent in January",
                               "Island ferry tickets will cost 5 percent more from January, the operator announced, citing fuel costs.")]),
            ("Coast Courier", [("b1", "Harbour bridge shut after storm damage",
                                "Storm damage to the turning gear of the Old Harbour swing bridge will keep it closed until Thursday, according to the port authority."),
                               ("b2", "Library opens new reading room",
                                "The town library opened a reading room for children on Saturday, with 2,000 new books donated by local schools.")]),
            ("Bay Times", [("c1", "Swing bridge closed until Thursday",
                            "The port authority said the Old Harbour swing bridge, damaged in Monday's storm, will remain shut until Thursday while its turning gear is repaired."),
                           ("c2", "Council approves new cycle lanes",
                            "The town council voted on Tuesday to build cycle lanes along Quay Street and the seafront by next summer.")]),
        ]
        var sources = ""
        for (index, (title, items)) in feeds.enumerated() {
            try Self.feed(title, items.map { (guid: $0.0, title: $0.1, lead: $0.2) }, day: 29)
                .write(to: fixture.root.appendingPathComponent("feeds/f\(index).xml"), atomically: true, encoding: .utf8)
            sources += "  - url: \(fixture.http.url("/file/feeds/f\(index).xml"))\n    section: Harbour\n"
        }
        try fixture.rewriteConfig { text in
            text.replacingOccurrences(of: "  - url: \(fixture.http.url("/file/feeds/world.xml"))\n    section: World\n", with: sources)
        }
        #expect(try fixture.run().status == 0)
        let message = try #require(try fixture.received().first)
        let html = try #require(message.body("text/html")), text = try #require(message.body("text/plain"))
        #expect(html.components(separatedBy: "Old Harbour swing bridge").count == 2, "the story once")
        #expect(html.contains("Storm closes harbour bridge for two days"))
        #expect(!html.contains("Harbour bridge shut after storm damage") && !html.contains("Swing bridge closed until Thursday"))
        #expect(html.contains("Also in: <a href=\"https://coastcourier.example.org/b1\""), "\(html)")
        #expect(html.contains(">Bay Times</a>"))
        #expect(text.contains("Also in: Coast Courier ["), "\(text)")
        for other in ["Ferry fares rise", "Library opens new reading room", "Council approves new cycle lanes"] {
            #expect(html.contains(other), "\(other) is another story")
        }

        let explained = try GazetteProcess.run(["explain", "https://coastcourier.example.org/b1", "--config", fixture.configURL.path])
        #expect(explained.stdout.contains("merged into another outlet's item about the same story: merged into \"Storm closes harbour bridge for two days\" from Harbour Wire"),
                "\(explained.stdout)")

        // The next day a fourth outlet has it, and there is real news too.
        try Self.feed("Island News", [(guid: "d1", title: "Old Harbour bridge stays shut after storm",
                                       lead: "The Old Harbour swing bridge, whose turning gear was damaged in Monday's storm, stays closed until Thursday, the port authority confirmed."),
                                      (guid: "d2", title: "Lighthouse keeper retires after 40 years",
                                       lead: "The island's last lighthouse keeper retired on Monday after four decades at the light on Gull Point.")], day: 30)
            .write(to: fixture.root.appendingPathComponent("feeds/f3.xml"), atomically: true, encoding: .utf8)
        try fixture.rewriteConfig { text in
            text.replacingOccurrences(of: sources, with: sources + "  - url: \(fixture.http.url("/file/feeds/f3.xml"))\n    section: Harbour\n")
        }
        let before = try fixture.smtp.received().count
        #expect(try fixture.run(now: "2026-11-30T06:00:00Z").status == 0)
        let next = try MailInspector.inspect(Array(try fixture.smtp.received().dropFirst(before)))
        let nextHTML = try #require(next.first?.body("text/html"))
        #expect(nextHTML.contains("Lighthouse keeper retires"))
        #expect(!nextHTML.contains("Old Harbour bridge stays shut"), "yesterday's story from a new outlet is not new")
    }
}
