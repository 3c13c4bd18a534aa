import Testing
@testable import GazetteKit

@Suite struct RawTextStripperTests {
    func strip(_ html: String) -> String {
        String(decoding: RawTextStripper.strip(Array(html.utf8)), as: UTF8.self)
    }

    @Test func dropsScriptsStylesCommentsAndFormControlsButKeepsJSONLD() {
        let html = "<p>a</p><script>if (a < b) { x = \"</p>\" }</script><STYLE>p{}</STYLE><!-- c --><svg><g/></svg>"
            + "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script><select><option>1</option></select><p>b</p>"
        #expect(strip(html) == "<p>a</p><script type=\"application/ld+json\">{\"headline\": \"H\"}</script><p>b</p>")
    }

    @Test func dropsNestedFurnitureUnlessItHoldsMuchOfThePage() {
        let page = "<header><nav><a>Home</a><nav><a>Sub</a></nav></nav><h1>T</h1></header>"
            + "<p>one</p><p>two</p><p>three</p><p>four</p><footer><p>©</p></footer>"
        #expect(strip(page) == "<p>one</p><p>two</p><p>three</p><p>four</p>")
        let articleInHeader = "<header><p>one</p><p>two</p></header><p>three</p>"
        #expect(strip(articleInHeader) == articleInHeader)
    }

    @Test func anUnclosedElementIsLeftToTheParser() {
        #expect(strip("<nav><a>x</a><p>text") == "<nav><a>x</a><p>text")
        #expect(strip("<p>x</p><script>never closed") == "<p>x</p>")
    }

    @Test func namesThatOnlyStartLikeATagAreNotTouched() {
        #expect(strip("<navigation>x</navigation><headers>y</headers>") == "<navigation>x</navigation><headers>y</headers>")
    }
}
