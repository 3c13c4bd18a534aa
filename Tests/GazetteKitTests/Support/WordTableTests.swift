import Testing
@testable import GazetteKit

@Suite struct WordTableTests {
    let table = WordTable([("nav", 1), ("header", 2), ("aria-hidden", 4), ("articlebody", 8), ("header", 16), ("recommendations", 32)])

    func value(_ word: String) -> UInt16 {
        var key = WordKey()
        for byte in word.utf8 { key.append(byte) }
        return key.key.map(table.value) ?? 0
    }

    @Test func findsListedWordsAndUnitesRepeatedOnes() {
        #expect(value("nav") == 1)
        #expect(value("header") == 18)
        #expect(value("aria-hidden") == 4)
        #expect(value("recommendations") == 32)
        #expect(value("na") == 0)
        #expect(value("navs") == 0)
        #expect(value("") == 0)
        #expect(value("recommendationsx") == 0)  // 16 bytes, not listed
        #expect(value("a-very-long-class-name") == 0)  // over 16 bytes
    }

    @Test func namesAreLowerCasedAndPairsJoin() {
        #expect("NAV".withCString { table.value(cString: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) } == 1)
        var article = WordKey(), body = WordKey()
        for byte in "article".utf8 { article.append(byte) }
        for byte in "body".utf8 { body.append(byte) }
        #expect(article.key(joinedWith: body).map(table.value) == 8)
    }

    @Test func classHintsReadWordsAndNeighbouringPairs() {
        let hints = BoilerplateRules.Hints("site-Sign_up story")
        #expect(hints.strong && hints.negative && hints.positive)  // "signup" from "Sign" + "up"; "story"
        let plain = BoilerplateRules.Hints("x1 y2")
        #expect(!plain.strong && !plain.negative && !plain.positive)
    }
}
