import Foundation
import Testing
@testable import GazetteKit

@Suite struct JSONFeedTests {
    @Test func version11() throws {
        let feed = try FeedFixture.parse("jsonfeed-1.1.json")
        #expect(feed.format == .jsonFeed)
        #expect(feed.title?.value == "Harbour JSON")
        #expect(feed.link == "https://harbour.example.org/")
        #expect(feed.icon == "https://harbour.example.org/icon.png")
        #expect(feed.language == "en")
        #expect(feed.entries.count == 2)
        #expect(feed.warnings == ["items[2] is not an object; skipped"])
        let item = feed.entries[0]
        #expect(item.id == "2026-11-bridge")
        #expect(item.link == "https://harbour.example.org/bridge")
        #expect(item.content?.value == "<p>The bridge <a href=\"https://harbour.example.org/history\">reopened</a>.</p>")
        #expect(item.summary == FeedText("The 1904 bridge is open again.", isHTML: false))
        #expect(item.published.rfc3339 == "2026-11-29T06:30:00Z")
        #expect(item.updated.rfc3339 == "2026-11-29T07:00:00Z")
        #expect(item.author?.name == "Mara Lindqvist")
        #expect(item.categories == ["Town", "Transport"])
        #expect(item.image?.url == "https://harbour.example.org/img/bridge.jpg")
        #expect(item.enclosures == [FeedEnclosure(url: "https://harbour.example.org/audio/bridge.mp3", type: "audio/mpeg", length: 123456)])
        #expect(feed.entries[1].id == "42")
        #expect(feed.entries[1].content == FeedText("A plain text item.", isHTML: false))
        #expect(feed.entries[1].published == nil)
    }

    @Test func version10SingleAuthor() throws {
        let feed = try FeedFixture.parse("jsonfeed-1.0.json")
        #expect(feed.entries.first?.author?.name == "Solo Author")
    }

    @Test func brokenJSONNamesTheFileAndThePosition() throws {
        do {
            _ = try FeedFixture.parse("not-json.json")
            Issue.record("expected an error")
        } catch {
            guard case .invalidJSON(let source, let reason)? = error as? FeedParseError else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(source == "not-json.json")
            #expect(reason.hasPrefix("line 1, column 71: "))
        }
    }

    @Test func jsonThatIsNotAFeedIsRefused() {
        #expect(throws: FeedParseError.self) { _ = try FeedFixture.parse(text: "{\"hello\": 1}") }
    }
}
