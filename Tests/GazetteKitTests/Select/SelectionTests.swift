import Foundation
import Testing
@testable import GazetteKit

@Suite struct SelectionTests {
    let now = Timestamp.parse("2026-11-29T06:00:00Z")!
    let source = SourceConfig(url: "https://a.example/feed", section: "News")

    func candidate(_ title: String, guid: String? = nil, link: String? = nil, published: String?, order: Int = 0, source: SourceConfig? = nil) -> Candidate {
        Candidate(source: source ?? self.source, sourceName: "A", headline: title, link: link, guid: guid,
                  published: published.flatMap(Timestamp.parse), summary: "", lead: ["\(title) lead."], order: order)
    }

    func select(_ candidates: [Candidate], selection: SelectionRules = SelectionRules()) throws -> [DigestSection] {
        let state = try TestPaths.temporaryDirectory().path
        return Selection(rules: selection, now: now).run(
            [SourceOutcome(source: source, candidates: candidates, error: nil, elapsed: 0)],
            history: .from(try SeenItems(stateDirectory: state), try SourceHealth(stateDirectory: state)))
    }

    @Test func canonicalLinksDropTrackingAndFragments() {
        #expect(ItemIdentity.canonicalLink("HTTPS://News.Example.org:443/a?utm_source=x&id=3&fbclid=y#top") == "https://news.example.org/a?id=3")
        #expect(ItemIdentity.canonicalLink("https://example.org?utm_medium=m") == "https://example.org/")
        #expect(ItemIdentity.canonicalLink("ftp://example.org/x") == nil)
        #expect(ItemIdentity.keys(guid: nil, link: nil, title: "T", lead: "L").first?.hasPrefix("hash:") == true)
        #expect(ItemIdentity.keys(guid: " g ", link: "https://x.org/a", title: "", lead: "") == ["guid:g", "link:https://x.org/a"])
    }

    @Test func implausibleDatesFallBackToFirstSeenAndOldItemsStayOut() throws {
        let sections = try select([
            candidate("Future", guid: "f", published: "2031-01-01T00:00:00Z"),
            candidate("Ancient", guid: "x", published: "1970-01-01T00:00:00Z"),
            candidate("Old", guid: "o", published: "2026-11-01T00:00:00Z"),
            candidate("Recent", guid: "r", published: "2026-11-29T05:00:00Z"),
        ])
        let items = try #require(sections.first).items
        #expect(items.map(\.headline) == ["Future", "Ancient", "Recent"])
        // Shown with the first-seen time, not the impossible one.
        #expect(items[0].published == now && items[1].published == now)
    }

    @Test func capsAndKeywordsApply() throws {
        var source = self.source
        source.exclude = ["sponsored"]
        source.maxItems = 2
        let candidates = (1...5).map { candidate("Story \($0)", guid: "g\($0)", published: "2026-11-29T0\($0):00:00Z", source: source) }
            + [candidate("Sponsored: buy now", guid: "s", published: "2026-11-29T05:30:00Z", source: source)]
        let sections = Selection(rules: SelectionRules(), now: now).run(
            [SourceOutcome(source: source, candidates: candidates, error: nil, elapsed: 0)],
            history: .from(try SeenItems(stateDirectory: try TestPaths.temporaryDirectory().path),
                           try SourceHealth(stateDirectory: try TestPaths.temporaryDirectory().path)))
        #expect(sections[0].items.map(\.headline) == ["Story 5", "Story 4"])
        var selection = SelectionRules()
        selection.maxItems = 3
        let capped = try select((1...5).map { candidate("S\($0)", guid: "g\($0)", published: "2026-11-29T0\($0):00:00Z") }, selection: selection)
        #expect(capped[0].items.count == 3)
    }

    @Test func sentStoriesAreKeptForTheWholeStoryWindow() throws {
        let state = try TestPaths.temporaryDirectory().path
        var seen = try SeenItems(stateDirectory: state)
        seen.record(edition: SampleDigest.digest, at: now)
        let later = now.addingTimeInterval(10 * 86_400)
        try seen.save(now: later, storyDays: 14)
        let stories = try SeenItems(stateDirectory: state).recentStories(days: 14, now: later)
        #expect(stories.count == SampleDigest.digest.sections.flatMap(\.items).count)
        #expect(stories.allSatisfy { $0.edition == SampleDigest.digest.editionID })
        try seen.save(now: later, storyDays: 7)
        #expect(try SeenItems(stateDirectory: state).recentStories(days: 14, now: later).isEmpty)
    }

    @Test func seenItemsAreNotSelectedAgain() throws {
        let state = try TestPaths.temporaryDirectory().path
        var seen = try SeenItems(stateDirectory: state)
        seen.record(["guid:a"], at: now)
        try seen.save(now: now, storyDays: 3)
        let reloaded = try SeenItems(stateDirectory: state)
        #expect(reloaded.existed)
        let sections = Selection(rules: SelectionRules(), now: now).run(
            [SourceOutcome(source: source, candidates: [candidate("A", guid: "a", published: "2026-11-29T05:00:00Z"),
                                                        candidate("B", guid: "b", published: "2026-11-29T05:00:00Z")], error: nil, elapsed: 0)],
            history: .from(reloaded, try SourceHealth(stateDirectory: state)))
        #expect(sections[0].items.map(\.headline) == ["B"])
    }
}

extension SelectionHistory {
    /// The history the daily run hands selection, from its state files.
    static func from(_ seen: SeenItems, _ health: SourceHealth) -> SelectionHistory {
        SelectionHistory(hasSentBefore: seen.existed, isSent: seen.contains(any:), lastSuccess: { health.records[$0]?.lastSuccess })
    }
}
