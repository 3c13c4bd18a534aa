import Foundation
import Testing
@testable import GazetteKit

/// The element view Summarise and Parse read pages through.
@Suite struct HTMLElementTests {
    static let page = """
    <html><head><title>T</title><script>var x = "<p>no</p>";</script></head><body>
    <div id="main" class="story  body" hidden data-x='1'><p>Hello, <a href="/a">world</a>, again.</p>
    <p>  Second   paragraph\u{3001} with a CJK comma. </p><span>  7:30 pm</span></div>
    </body></html>
    """

    func withBody<T>(_ html: String = page, _ body: (HTMLTree, HTMLElement) throws -> T) throws -> T {
        let tree = try #require(HTMLTree(utf8: Array(html.utf8)))
        return try body(tree, try #require(tree.body))
    }

    @Test func treeNamesAttributesAndChildren() throws {
        try withBody { _, body in
            let main = try #require(body.children.first)
            #expect(main.name == "div" && main.isNamed("div") && !main.isNamed("p"))
            #expect(main.attribute("class") == "story  body")
            var attributes: [String: String] = [:]
            main.forEachAttribute { name, value in attributes[name.string] = value.string }
            #expect(attributes == ["id": "main", "class": "story  body", "hidden": "", "data-x": "1"])
            #expect(main.children.map(\.name) == ["p", "p", "span"])
            #expect(main.parent == body && body.isAncestor(of: main.children[0]) && !main.children[0].isAncestor(of: main))
            #expect(main.children[0].depth == main.depth + 1)
            #expect(body.firstDescendant { $0.isNamed("a") }?.attribute("href") == "/a")
        }
    }

    @Test func textIsVisibleTextWithWhitespaceCollapsed() throws {
        try withBody { tree, body in
            let main = body.children[0]
            #expect(main.text == "Hello, world, again. Second paragraph\u{3001} with a CJK comma. 7:30 pm")
            #expect(main.children[0].shortText(limit: 10) == nil)
            #expect(main.children[2].shortText(limit: 24) == "7:30 pm")
            #expect(main.children[2].firstTextByte == UInt8(ascii: "7"))
            // Scripts and the title are not visible text, but they are content.
            let root = try #require(tree.root)
            #expect(!root.text.contains("var x") && !root.text.hasPrefix("T "))
            let script = try #require(root.firstDescendant { $0.isNamed("script") })
            #expect(script.textContent == "var x = \"<p>no</p>\";")
        }
    }

    @Test func statisticsCountCharactersLinksAndCommas() throws {
        try withBody { _, body in
            let statistics = TextStatistics()
            let first = statistics.stats(body.children[0].children[0])
            #expect(first.characters == "Hello, world, again.".count)
            #expect(first.linkCharacters == 5)
            #expect(first.commas == 2)
            let second = statistics.stats(body.children[0].children[1])
            #expect(second.commas == 1)  // the ideographic comma counts
            #expect(second.characters == " Second paragraph\u{3001} with a CJK comma. ".count)
            statistics.forget()
            #expect(statistics.stats(body.children[0].children[0]).characters == first.characters)
        }
    }

    @Test func detachedElementsLeaveTheTree() throws {
        try withBody { tree, body in
            let main = body.children[0]
            tree.detach(main.children[2])
            #expect(main.children.map(\.name) == ["p", "p"])
            #expect(!main.text.contains("7:30"))
        }
    }
}
