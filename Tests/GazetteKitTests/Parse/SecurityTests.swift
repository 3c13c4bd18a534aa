import Foundation
import Testing
@testable import GazetteKit

@Suite struct SecurityTests {
    @Test func aBillionLaughsDocumentFailsFastWithAClearError() throws {
        #expect(throws: FeedParseError.entityExpansionLimit(source: "billion-laughs.xml", limit: XMLPreparer.expansionLimit)) {
            _ = try FeedFixture.parse("billion-laughs.xml")
        }
    }

    @Test func quadraticBlowupIsBoundedToo() throws {
        let big = String(repeating: "x", count: 50_000)
        let document = "<!DOCTYPE rss [<!ENTITY a \"\(big)\">]><rss><channel><title>"
            + String(repeating: "&a;", count: 100) + "</title></channel></rss>"
        #expect(throws: FeedParseError.self) { _ = try FeedFixture.parse(text: document) }
    }

    @Test func internalEntitiesExpandAndExternalOnesAreNeverLoaded() throws {
        let feed = try FeedFixture.parse("internal-entity.xml")
        #expect(feed.title?.value == "Harbour Gazette news")
        #expect(feed.description?.value == "[]")
    }

    @Test func theParserMakesNoNetworkRequests() throws {
        let server = try HTTPTestServer()
        let document = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "\(server.url("/dtd"))" [ <!ENTITY remote SYSTEM "\(server.url("/entity"))"> ]>
        <rss version="2.0"><channel><title>&remote;safe</title></channel></rss>
        """
        let feed = try FeedFixture.parse(text: document)
        #expect(feed.title?.value == "safe")
        #expect(try server.stats()["requests"] as? Int == 0)
    }
}
