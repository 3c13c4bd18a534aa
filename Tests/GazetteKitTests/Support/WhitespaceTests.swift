import Foundation
import Testing
@testable import GazetteKit

/// The one whitespace collapser.
@Suite struct WhitespaceTests {
    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("no\u{A0}break\u{2009}thin\u{3000}ideographic\u{2028}line", "no break thin ideographic line"),
        ("\u{202F}\u{205F}", ""),
        ("café  über", "café über"),
    ])
    func runsOfAnySpaceBecomeOne(input: String, expected: String) {
        #expect(input.collapsingWhitespace == expected)
    }
}
