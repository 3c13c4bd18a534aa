import Testing
@testable import GazetteKit

@Suite struct ClusterTextTests {
    func terms(_ text: String) -> [String] { StoryTokeniser.tokens(text).map(\.term) }

    @Test func normalisationRejoinsNumbersAndDropsTimesAndDates() {
        #expect(terms("magnitude 5. 9 quake") == ["magnitud", "#5.9", "quak"])
        #expect(terms("30, 000 people") == ["#30000", "peopl"])
        #expect(terms("at 10:30 a.m. on 04/28/2009") == [])
        #expect(terms("May 2, 2013: talks") == ["#2013", "talk"])
        #expect(terms("on 2nd May") == [])
        #expect(terms("growth of 7%") == ["growth", "#7", "percent"])
        #expect(terms("Lohan’s lawyer") == ["lohan", "lawyer"])
    }

    @Test func stemmerFollowsTheDesignExamples() {
        #expect(["checks", "hiring", "police", "species", "classes", "bus"].map(Stemmer.stem) == ["check", "hir", "polic", "specy", "class", "bus"])
        #expect(Stemmer.stem("Ärzte") == "Ärzte")
    }

    @Test func noSpaceScriptsBecomeCharacterPairs() {
        #expect(terms("東京都") == ["東京", "京都"])
        #expect(terms("東 Tokyo") == ["東", "tokyo"])
    }

    @Test func caseFlagsTellNamesFromWords() {
        let tokens = StoryTokeniser.tokens("The minister met Dalbeck in the capital on Monday and then left.")
        let flag = Dictionary(tokens.map { ($0.term, $0.flag) }, uniquingKeysWith: { first, _ in first })
        #expect(flag["dalbeck"] == .midSentence)
        #expect(flag["minister"] == .lowerInformative)
        // A Title Case headline says nothing about which words are names.
        let headline = Dictionary(StoryTokeniser.tokens("Minister Meets Dalbeck In Capital").map { ($0.term, $0.flag) }, uniquingKeysWith: { a, _ in a })
        #expect(headline["dalbeck"] == .capital)
        #expect(headline["minister"] == .capital)
    }

    @Test func quantitiesConflictOnlyForTheSameUnit() {
        #expect(Quantity.sameValue(7, 6.9))
        #expect(Quantity.sameValue(100, 101.5))
        #expect(!Quantity.sameValue(5.6, 5.9))
        let a = [Quantity(value: 2.1, units: [1])], b = [Quantity(value: 3.8, units: [1])], c = [Quantity(value: 3.8, units: [2])]
        #expect(Quantity.conflict(a, b))
        #expect(!Quantity.conflict(a, c))
        #expect(!Quantity.conflict(a + b, b))
    }
}
