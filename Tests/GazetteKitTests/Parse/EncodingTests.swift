import Foundation
import Testing
@testable import GazetteKit

@Suite struct EncodingTests {
    @Test(arguments: [
        ("enc-shift_jis.xml", "日本語のニュース"),
        ("enc-koi8-r.xml", "Новости гавани"),
        ("enc-iso-8859-2.xml", "Łódź i Gdańsk"),
        ("enc-windows-1252.xml", "Café “quoted” – €5"),
        ("enc-utf-16le-bom.xml", "Ünïcödé ✓"),
        ("enc-utf-16be-nobom.xml", "Ünïcödé ✓"),
        ("enc-utf-32le-bom.xml", "Ünïcödé ✓"),
        ("enc-utf-8-bom.xml", "Ünïcödé ✓"),
    ])
    func declaredBOMAndSniffedEncodingsAreRead(file: String, title: String) throws {
        let feed = try FeedFixture.parse(file)
        #expect(feed.title?.value == title)
        #expect(feed.entries.first?.title?.value == title)
        #expect(feed.warnings.isEmpty)
    }

    @Test func bytesThatAreNotTheDeclaredUTF8FallBackToWindows1252WithAWarning() throws {
        let feed = try FeedFixture.parse("enc-mislabelled.xml")
        #expect(feed.title?.value == "Café")
        #expect(feed.warnings == ["bytes are not valid UTF-8; read as windows-1252"])
    }

    @Test func theHTTPCharsetOutranksTheXMLDeclaration() throws {
        let document = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Café</title></channel></rss>"
        let feed = try FeedParser().parse(Data(document.utf8), httpCharset: "utf-8")
        #expect(feed.title?.value == "Café")
        let declared = try FeedParser().parse(Data(document.utf8))
        #expect(declared.title?.value == "CafÃ©")  // what the declaration alone says
    }
}
