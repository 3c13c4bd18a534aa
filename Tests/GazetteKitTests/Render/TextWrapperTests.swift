import Testing
@testable import GazetteKit

@Suite struct TextWrapperTests {
    let wrapper = TextWrapper(width: 20)

    @Test func wrapsAtSpacesWithinTheWidth() {
        #expect(wrapper.lines("The quick brown fox jumps over the lazy dog") == ["The quick brown fox", "jumps over the lazy", "dog"])
    }

    @Test func splitsOverLongWordsButNeverURLs() {
        #expect(wrapper.lines("a Donaudampfschifffahrtsgesellschaftskapitän b") == ["a", "Donaudampfschifffahr", "tsgesellschaftskapit", "än b"])
        let url = "https://example.org/a/very/long/path/that/goes/on?and=on"
        #expect(wrapper.lines("see \(url) now") == ["see", url, "now"])
    }

    @Test func wrapsCJKByDisplayWidthBetweenCharacters() {
        let lines = wrapper.lines("東京大学の研究チームは、水深八千メートルで新種の魚を撮影した。")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.joined() == "東京大学の研究チームは、水深八千メートルで新種の魚を撮影した。")
        #expect(lines[0] == "東京大学の研究チーム")
        // Closing punctuation never starts a line.
        #expect(!lines.contains { $0.hasPrefix("、") || $0.hasPrefix("。") })
    }

    @Test func emojiAndAccentsKeepWholeCharacters() {
        let text = "café 👩‍👩‍👧 naïve résumé 🇬🇧 flag e\u{301}"
        let lines = TextWrapper(width: 8).lines(text)
        #expect(lines.joined(separator: " ") == "café 👩‍👩‍👧 naïve résumé 🇬🇧 flag e\u{301}")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 8 })
        #expect(DisplayWidth.of("👩‍👩‍👧") == 2 && DisplayWidth.of("e\u{301}") == 1 && DisplayWidth.of("漢字") == 4)
    }

    @Test func indentCountsTowardsTheWidth() {
        #expect(wrapper.lines("one two three four five", indent: "    ") == ["    one two three", "    four five"])
    }
}
