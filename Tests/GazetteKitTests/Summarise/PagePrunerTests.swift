import Testing
@testable import GazetteKit

@Suite struct PagePrunerTests {
    func strip(_ html: String) -> String {
        String(decoding: PagePruner.prune(Array(html.utf8)), as: UTF8.self)
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

    @Test func keepsOnlyTheAttributesExtractionReads() {
        let tag = "<a data-x='1 > 2' href=\"/a?b=1&amp;c\" onclick=\"go()\" CLASS=lead srcset=\"a.jpg 1x, b.jpg 2x\" hidden>"
        #expect(strip(tag + "x</a>") == "<a href=\"/a?b=1&amp;c\" CLASS=lead hidden>x</a>")
        #expect(strip("<img src=a.jpg alt=\"A > B\"/><br/>") == "<img/><br/>")
        #expect(strip("<meta property=\"og:title\" content=\"T\">") == "<meta property=\"og:title\" content=\"T\">")
    }

    @Test func cutsWhitespaceRunsInTextButNotInValues() {
        #expect(strip("<p class=\"a   b\">one \n\n   two</p>\n\n<p>\tthree</p>") == "<p class=\"a   b\">one two</p>\n<p>\tthree</p>")
    }

    @Test func aTagThatNeverEndsIsLeftAsItIs() {
        #expect(strip("<p>x</p><a href=\"never closed>y") == "<p>x</p><a href=\"never closed>y")
    }

    @Test func keepsOnlyWhatIsReadOfStylesAndLinks() {
        #expect(strip("<div style=\"color: red\">a</div><div style=\"Display: None\">b</div>")
                == "<div>a</div><div style=display:none>b</div>")
        #expect(strip("<link rel=stylesheet href=a.css><link href=\"/story\" rel=\"Canonical\">")
                == "<link rel=stylesheet><link href=\"/story\" rel=\"Canonical\">")
    }

    @Test func attributesWrittenAgainstEachOtherGetASpaceWithinTheBuffer() {
        let tag = String(repeating: "<a x=\"\"id=\"\"class=\"\"b>", count: 200)
        #expect(strip(tag) == String(repeating: "<a id=\"\" class=\"\">", count: 200))
    }

    @Test func headKeepsOnlyTheMetaAndLinkTagsMetadataReads() {
        let head = "<head><meta charset=utf-8><meta name=viewport content=\"width=device-width\">"
            + "<meta property=\"og:title\" content=\"T\"><meta name=\"Description\" content=\"D\"><meta name=description>"
            + "<link rel=stylesheet href=a.css><link rel=canonical href=\"/story\"><title>T</title></head>"
        #expect(strip(head + "<body><meta itemprop=wordCount content=9><p>x</p></body>")
                == "<head><meta property=\"og:title\" content=\"T\"><meta name=\"Description\" content=\"D\">"
                + "<link rel=canonical href=\"/story\"><title>T</title></head>"
                + "<body><meta itemprop=wordCount content=9><p>x</p></body>")
    }
}
