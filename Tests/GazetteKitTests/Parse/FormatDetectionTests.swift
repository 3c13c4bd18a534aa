import Foundation
import Testing
@testable import GazetteKit

@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("<!-- c -->\n  <rss version=\"2.0\"><channel/></rss>", FeedFormat.rss20),
        ("<rss version=\"0.91\"><channel/></rss>", .rss09x),
        ("<rss><channel/></rss>", .rssUnversioned),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>", .rss10),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel/></rdf:RDF>", .rss090),
        ("<?xml version=\"1.0\"?>\n<!-- a long comment first -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .atom10),
        ("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", .atom03),
        ("  \n{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", .jsonFeed),
    ])
    func formatComesFromTheRoot(document: String, format: FeedFormat) throws {
        #expect(try FeedFixture.parse(text: document).format == format)
    }

    @Test func aDocumentThatIsNotAFeedYieldsNothingAndSaysWhy() throws {
        let feed = try FeedFixture.parse(text: "<html><body><p>hello</p></body></html>")
        #expect(feed.format == .unknown)
        #expect(feed.entries.isEmpty)
        #expect(feed.warnings == ["root element <html> is not a feed: an HTML page"])
        #expect(feed.notAFeedReason == "root element <html> is not a feed: an HTML page")
        #expect(try FeedFixture.parse(text: "<?xml version=\"1.0\"?><catalog><book/></catalog>").notAFeedReason
                == "root element <catalog> is not a feed")
        #expect(try FeedFixture.parse(text: "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>").notAFeedReason == nil)
    }

    @Test func emptyAndBinaryInputYieldAnEmptyFeed() throws {
        #expect(try FeedParser().parse(Data()).entries.isEmpty)
        let binary = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        #expect(try FeedParser().parse(binary).entries.isEmpty)
    }
}
