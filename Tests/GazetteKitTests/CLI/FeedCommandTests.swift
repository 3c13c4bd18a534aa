import Foundation
import Testing

@Suite struct FeedCommandTests {
    @Test func printsTheFeedAsJSONWithResolvedLinks() throws {
        let run = try GazetteProcess.run(["feed", TestPaths.fixture("feeds/rss20-full.xml").path, "https://harbour.example.org/"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries[0]["published"] as? String == "2026-11-29T06:30:00Z")
        #expect((entries[0]["content"] as? String)?.contains("https://harbour.example.org/history") == true)
        #expect((object["feed"] as? [String: Any])?["title"] as? String == "Harbour & Quay")
    }

    @Test func batchPrintsOneLinePerXMLFile() throws {
        let run = try GazetteProcess.run(["feed", "--batch", TestPaths.fixture("feeds").path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        let xmlCount = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("feeds").path)
            .filter { $0.hasSuffix(".xml") }.count
        #expect(lines.count == xmlCount)
        let files = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["file"] as? String ?? "" }
        #expect(files.contains("atom10-full.xml"))
        #expect(files == files.sorted())
    }

    @Test func anUnsafeDocumentExitsNonZeroWithAOneLineError() throws {
        let run = try GazetteProcess.run(["feed", TestPaths.fixture("feeds/billion-laughs.xml").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("billion-laughs.xml: entity declarations expand past"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func aPageThatIsNotAFeedExitsOneAndSaysWhatWasFound() throws {
        let page = try TestPaths.temporaryDirectory().appendingPathComponent("error.xml")
        try "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".write(to: page, atomically: true, encoding: .utf8)
        let run = try GazetteProcess.run(["feed", page.path])
        #expect(run.status == 1)
        #expect(run.stderr == "gazette: \(page.path): not a feed: root element <html> is not a feed: an HTML page\n")
        // An empty but real feed is fine.
        let quiet = try TestPaths.temporaryDirectory().appendingPathComponent("quiet.xml")
        try "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>".write(to: quiet, atomically: true, encoding: .utf8)
        #expect(try GazetteProcess.run(["feed", quiet.path]).status == 0)
    }
}
