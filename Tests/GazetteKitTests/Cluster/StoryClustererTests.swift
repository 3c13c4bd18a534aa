import Foundation
import Testing
@testable import GazetteKit

@Suite struct StoryClustererTests {
    /// The story key of each item id, clustering `items` as one edition.
    func keys(_ items: [StoryItem]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(items.map(\.id), StoryClusterer().keys(for: items)))
    }

    let edition = StoryFixtures.edition

    @Test func oneWireStoryWithThreeHeadlinesIsOneStory() {
        let key = keys(edition)
        #expect(key["bridge-1"] == key["bridge-2"])
        #expect(key["bridge-1"] == key["bridge-3"])
        #expect(StoryFixtures.filler.allSatisfy { key[$0.id] != key["bridge-1"] })
    }

    @Test func anUpdateJoinsItsStory() {
        let key = keys(edition)
        #expect(key["strike-1"] == key["strike-2"])
    }

    @Test func earthquakesOfDifferentMagnitudeStayApart() {
        let key = keys(edition)
        #expect(key["quake-a1"] == key["quake-a2"])
        #expect(key["quake-b1"] == key["quake-b2"])
        #expect(key["quake-a1"] != key["quake-b1"])
    }

    @Test func joblessClaimsOfDifferentSizeStayApart() {
        let key = keys(edition)
        #expect(key["claims-a"] != key["claims-b"])
    }

    @Test func differentEventsSharingTheirMainNameStayApart() {
        let key = keys(edition)
        #expect(key["dalbeck-run-1"] == key["dalbeck-run-2"])
        #expect(key["dalbeck-storm-1"] == key["dalbeck-storm-2"])
        #expect(key["dalbeck-run-1"] != key["dalbeck-storm-1"])
    }

    @Test func aMagnitudeWordSomeTermsBeforeItsNumberStillCounts() {
        let quakes = [
            StoryFixtures.item("q1", "Earthquake of magnitude of at least 5.9 hits Orsa island", "The quake hit Orsa island at dawn."),
            StoryFixtures.item("q2", "Magnitude 5.2 earthquake hits Orsa island", "The quake hit Orsa island at dawn."),
        ]
        let key = keys(quakes + StoryFixtures.filler)
        #expect(key["q1"] != key["q2"])
    }

    @Test func textWithoutSpacesClustersByCharacterPairs() {
        let key = keys(edition)
        #expect(key["ja-1"] == key["ja-2"])
        let others = ["zh-1", "de-1", "ru-1", "th-1", "ar-1"].map { key[$0] }
        #expect(Set(others).count == others.count)
        #expect(!others.contains(key["ja-1"]))
    }

    @Test func unrelatedItemsStaySingletons() {
        let key = keys(edition)
        let fillerKeys = StoryFixtures.filler.map { key[$0.id] }
        #expect(Set(fillerKeys).count == fillerKeys.count)
    }

    @Test func keysNameTheFirstItemOfEachStory() {
        let items = edition
        let keys = StoryClusterer().keys(for: items)
        #expect(keys.count == items.count)
        for (index, key) in keys.enumerated() {
            #expect(key.hasPrefix("s"))
            guard let first = Int(key.dropFirst()), first >= 0, first <= index else {
                Issue.record("key \(key) of item \(index) does not name an earlier item")
                continue
            }
            #expect(keys[first] == key)
        }
        #expect(keys[0] == "s0")
    }

    @Test func theSameInputGivesTheSameKeys() {
        let items = edition
        let first = StoryClusterer().keys(for: items)
        #expect(StoryClusterer().keys(for: items) == first)
        // Each batch stands alone: clustering another batch in between changes nothing.
        _ = StoryClusterer().keys(for: StoryFixtures.quakes)
        #expect(StoryClusterer().keys(for: items) == first)
    }

    @Test func emptyAndOddItemsDoNotTrip() {
        #expect(StoryClusterer().keys(for: []) == [])
        let odd = [
            StoryFixtures.item("", ""),
            StoryFixtures.item("e", "🔥🔥🔥", "🚒"),
            StoryFixtures.item("n", "1234567890123456789012345678901234567890 99999999999999999999.5 million", "0.0.0.0 1,2,3"),
            StoryFixtures.item("g", "ΟΔΟΣ ΣΤΗΝ ΑΘΗΝΑ", "Ἀθῆναι"),
            StoryFixtures.item("k", String(repeating: "東京", count: 5_000), String(repeating: "word ", count: 20_000)),
            StoryFixtures.item("c", "\u{0}\u{1}\u{7F}\u{FFFD}", "İstanbul’s ﬁrst ½ ① ²"),
        ]
        let keys = StoryClusterer().keys(for: odd)
        #expect(keys.count == odd.count)
        #expect(keys[0] == "s0")
    }
}
