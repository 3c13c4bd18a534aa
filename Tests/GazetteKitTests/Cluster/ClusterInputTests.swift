import Foundation
import Testing
@testable import GazetteKit

@Suite struct ClusterInputTests {
    @Test func readsObjectsAndReportsOtherLines() {
        let text = """
        {"id": "a", "title": "Harbour bridge closes", "lead": "Cracks found."}
        not json

        [1, 2]
        {"id": 7, "title": 5, "lead": null, "extra": {"deep": [1, 2, {"x": "y"}]}}
        {"title": "No id"}\r
        {"id": "broken"
        """
        let batch = StoryBatch(jsonl: Array(text.utf8))
        #expect(batch.items.map(\.title) == ["Harbour bridge closes", "", "No id"])
        #expect(batch.ids == [.string("a"), .number(7), .null])
        #expect(batch.items[1].id == "7")
        #expect(batch.skipped.map(\.line) == [2, 4, 7])
        #expect(batch.skipped[1].reason == "not a JSON object")
    }

    @Test func binaryHugeAndEmptyInputDoNotTrip() {
        #expect(StoryBatch(jsonl: []).items.isEmpty)
        var random = SystemRandomNumberGenerator()
        let noise = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let garbage = StoryBatch(jsonl: noise)
        #expect(garbage.items.isEmpty || garbage.items.count < 10)
        let deep = Array(("{\"id\": " + String(repeating: "[", count: 100_000) + "}\n").utf8)
        #expect(StoryBatch(jsonl: deep).skipped.count == 1)
        let huge = "{\"id\": \"h\", \"title\": \"" + String(repeating: "Kessington bridge ", count: 200_000) + "\"}"
        let batch = StoryBatch(jsonl: Array(huge.utf8) + [0x0A] + Array("\u{FEFF}".utf8))
        #expect(batch.items.count == 1)
        #expect(StoryClusterer().keys(for: batch.items + garbage.items).count == batch.items.count + garbage.items.count)
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstLine() {
        let batch = StoryBatch(jsonl: Array("\u{FEFF}{\"id\": \"a\", \"title\": \"東京で大雪\"}\n".utf8))
        #expect(batch.items.map(\.id) == ["a"])
        #expect(batch.skipped.isEmpty)
    }
}
