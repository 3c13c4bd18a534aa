import Foundation
import Testing

@Suite struct ExtractCommandTests {
    @Test func printsTheBodyOneParagraphPerLine() throws {
        let run = try GazetteProcess.run(["extract", TestPaths.fixture("articles/paywall.html").path])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stdout.hasPrefix("Chip makers are preparing"))
    }

    @Test func jsonHasTheWholeArticle() throws {
        let run = try GazetteProcess.run(["extract", "--json", TestPaths.fixture("articles/seed-shaped.html").path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["leadSource"] as? String == "body")
        #expect((object["feedItems"] as? [Any])?.count == 2)
        #expect((object["lead"] as? [String])?.count == 2)
    }

    @Test func extractsAPageServedOverHTTP() throws {
        let server = try HTTPTestServer()
        let run = try GazetteProcess.run(["extract", server.url("/file/articles/german.html")])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Die Stadtbibliothek"))
    }

    @Test func batchPrintsOneJSONLinePerPage() throws {
        let run = try GazetteProcess.run(["extract", "--batch", TestPaths.fixture("articles").path])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(first["file"] == "german.html")
        #expect(first["text"]?.hasPrefix("Die Stadtbibliothek") == true)
    }

    @Test func anUnreadableSourceIsAOneLineError() throws {
        let run = try GazetteProcess.run(["extract", "/nonexistent/page.html"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("/nonexistent/page.html: cannot be read"))
    }
}
