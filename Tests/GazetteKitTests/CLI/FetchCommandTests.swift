import Foundation
import Testing

@Suite struct FetchCommandTests {
    @Test func printsOneLinePerURLAndSavesBodies() throws {
        let server = try HTTPTestServer()
        let output = try TestPaths.temporaryDirectory()
        let page = server.url("/file/fetch/page.html")
        let feed = TestPaths.fixture("fetch/feed.xml").absoluteString
        let run = try GazetteProcess.run(["fetch", "--output", output.path, page, feed])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("200 "))
        #expect(lines[0].hasSuffix(page))
        #expect(lines[1].hasPrefix("ok "))
        let saved = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(saved.count == 2)
        let first = try Data(contentsOf: output.appendingPathComponent(saved[0]))
        #expect(first == (try Data(contentsOf: TestPaths.fixture("fetch/page.html"))))
    }

    @Test func aFailedURLIsReportedAndTheExitCodeIsOne() throws {
        let server = try HTTPTestServer()
        let run = try GazetteProcess.run(["fetch", "--attempts", "1", server.url("/status/500"), server.url("/slow?ms=1")])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ERR") == true)
        #expect(lines.first?.contains("HTTP 500") == true)
        #expect(lines.last?.hasPrefix("200 ") == true)
        #expect(run.stderr.contains("1 fetched, 1 failed"))
    }

    @Test func urlsCanComeFromStandardInput() throws {
        let server = try HTTPTestServer()
        let list = "# feeds\n\(server.url("/slow?ms=1"))\n\n\(server.url("/gzip"))\n"
        let run = try GazetteProcess.run(["fetch", "--input", "-"], stdin: Data(list.utf8))
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2)
    }

    @Test func badOptionsAreRefusedWithAMessage() throws {
        let run = try GazetteProcess.run(["fetch", "--concurrency", "0", "file:///etc/hostname"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--concurrency must be at least 1"))
    }
}
