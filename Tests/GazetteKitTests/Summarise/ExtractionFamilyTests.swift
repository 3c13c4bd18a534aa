import Foundation
import Testing
@testable import GazetteKit

/// One fixture per failure family found on pages the extractor was not tuned on (written for the
/// project; none comes from the evaluation sets).
@Suite struct ExtractionFamilyTests {
    func article(_ body: String, head: String = "<title>Harbour news</title>") -> Article {
        ArticleExtractor().extract(Data("<!doctype html><html><head>\(head)</head><body>\(body)</body></html>".utf8))
    }

    static let one = "The harbour council voted on Tuesday, after a long and heated debate, to keep the island ferry running all winter."
    static let two = "Supporters said the service pays for itself within five years, while critics, including the harbour board, disagreed."
    static let three = "The decision goes to a second vote next month, when the budget for the coming year is settled by the full council."

    @Test func aBodySplitOverPageBuilderRowsIsTakenWhole() {
        let rows = [Self.one, Self.two, Self.three].map { "<div class='vc_row wide'><div class='inner'><p>\($0)</p></div></div>" }.joined()
        let body = article("<main>\(rows)</main><aside><p>\(String(repeating: "Unrelated aside text, with commas, ", count: 3))</p></aside>").paragraphs
        #expect(body == [Self.one, Self.two, Self.three])
    }

    @Test func headingsListsAndTablesInsideTheArticleStayInOrder() {
        let body = article("""
        <article><p>\(Self.one)</p><h2>What changes</h2><ul><li>Sailings every hour</li><li>A new quay</li></ul>
        <table><tr><td>Monday</td><td>6:00</td></tr><tr><td>Sunday</td><td>8:00</td></tr></table><p>\(Self.two)</p></article>
        """).paragraphs
        #expect(body == [Self.one, "What changes", "Sailings every hour", "A new quay", "Monday 6:00", "Sunday 8:00", Self.two])
    }

    @Test func textInDivAndBreakRunsBecomesParagraphs() {
        let body = article("<div class='post'>\(Self.one)<br><br>\(Self.two)<br>\(Self.three)</div><div class='nav'><a href='/'>Home</a></div>").paragraphs
        #expect(body == [Self.one, Self.two, Self.three])
    }

    @Test func chineseAndJapaneseWithoutSpacesGiveTheirBodyAndLead() {
        let chinese = "港口委员会周二投票决定，冬季继续运营渡轮。支持者说，这项服务五年内就能收回成本。批评者则表示反对，认为预算不足。"
        let japanese = "港湾委員会は火曜日、冬の間もフェリーの運航を続けることを決めた。支持者は、五年で元が取れると話している。"
        for text in [chinese, japanese] {
            let page = article("<div class='article-body'><p>\(text)</p><p>\(text)追加。</p></div><ul class='menu'><li><a href='/'>首页</a></li></ul>")
            #expect(page.paragraphs == [text, text + "追加。"])
            #expect(page.lead == [text, text + "追加。"])
            // Cut to a budget, the lead ends at a CJK full stop, never inside a sentence.
            let short = LeadPicker(paragraphCount: 1, characterBudget: 30).pick(paragraphs: page.paragraphs, headline: nil, description: nil).0
            #expect(short.count == 1 && short[0].hasSuffix("。") && text.hasPrefix(short[0]))
        }
    }

    @Test func aShortArticleIsStillAnArticle() {
        let body = article("<header><a href='/'>Home</a></header><article><p>\(Self.one)</p></article><footer>© The Courier</footer>").paragraphs
        #expect(body == [Self.one])
    }

    @Test func theMainTextIsNotTheLargestBlock() {
        let links = (1...30).map { "<li><a href='/s\($0)'>Another story, number \($0), about the harbour and the ferry</a></li>" }.joined()
        let body = article("<div class='stories'><ul>\(links)</ul></div><div class='text'><p>\(Self.one)</p><p>\(Self.two)</p></div>").paragraphs
        #expect(body == [Self.one, Self.two])
    }

    @Test func commentSectionsAndRelatedBlocksThatReadAsProseAreLeftOut() {
        let comment = "Ich finde die Entscheidung richtig, denn die Fähre ist für uns alle wichtig, gerade im Winter."
        let body = article("""
        <div class='content'><p>\(Self.one)</p><p>\(Self.two)</p>
        <div class='kommentare'><p>\(comment)</p></div><div class='noticias-relacionadas'><p>\(Self.three)</p></div>
        <p>Lesen Sie auch: Die Brücke öffnet wieder.</p><h3>Mehr zum Thema</h3></div>
        """).paragraphs
        #expect(body == [Self.one, Self.two])
    }

    @Test func theLeadComesFromTheFirstRealParagraphAfterContentsAndCaptions() {
        let page = article("""
        <article><p>Contents</p><ul><li>1 History</li><li>2 Timetable</li></ul>
        <p>The ferry at dusk. Photo: Jo Smith / Agency</p><p>\(Self.one)</p><p>\(Self.two)</p></article>
        """)
        #expect(page.lead == [Self.one, Self.two])
    }

    @Test func softHyphensAndZeroWidthSpacesAreNotText() {
        let page = article("<article><p>Die Mit\u{AD}tel\u{AD}alter\u{200B}stadt am Hafen, so der Rat, bleibt auch im Winter mit der Fähre erreichbar, sagte er.</p></article>")
        #expect(page.paragraphs == ["Die Mittelalterstadt am Hafen, so der Rat, bleibt auch im Winter mit der Fähre erreichbar, sagte er."])
    }

    @Test func aCommaListDoesNotOutscoreTheProse() {
        let names = (1...8).map { _ in "<tr><td>" + (1...12).map { "Name \($0)" }.joined(separator: ", ") + "</td></tr>" }.joined()
        let body = article("<div class='letter'><p>\(Self.one)</p><p>\(Self.two)</p><p>\(Self.three)</p></div><table class='signatories'>\(names)</table>").paragraphs
        // The letter wins the selection; its signatories may follow it.
        #expect(Array(body.prefix(3)) == [Self.one, Self.two, Self.three])
    }

    @Test func aMoreStoriesGridBesideTheArticleIsNotTakenForMoreArticle() {
        let grid = (1...12).map { "<p><a href='/g\($0)'>Grid story \($0), with a comma, about boats and bridges</a></p>" }.joined()
        let body = article("<div class='wrap'><div class='story'><p>\(Self.one)</p><p>\(Self.two)</p><p>\(Self.three)</p></div><div class='grid'>\(grid)</div></div>").paragraphs
        #expect(body == [Self.one, Self.two, Self.three])
    }

    @Test func aJSONLDBodyReplacesAPageBodyThatIsAFractionOfIt() {
        let long = (1...12).map { "Paragraph \($0) of the full story, which the page only teases." }.joined(separator: "\n")
        let json = "{\"@type\": \"NewsArticle\", \"headline\": \"Ferry\", \"articleBody\": \"\(long.replacingOccurrences(of: "\n", with: "\\n"))\"}"
        let page = article("<article><p>\(Self.one)</p></article>", head: "<script type='application/ld+json'>\(json)</script>")
        #expect(page.paragraphs.count == 12)
        #expect(page.paragraphs.first == "Paragraph 1 of the full story, which the page only teases.")
    }

    @Test func aForumOfDivsInsideAPageWideFormKeepsItsPosts() {
        let posts = (1...4).map { "<div class='post'><div class='author'>user\($0)</div><div class='msg'>Post \($0): \(Self.one)</div></div>" }.joined()
        let body = article("<form id='aspnetForm' action='/t'><div id='thread'>\(posts)</div></form>").paragraphs
        #expect(body.filter { $0.hasPrefix("Post ") }.count == 4)
    }
}
