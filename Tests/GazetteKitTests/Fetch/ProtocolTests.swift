import Foundation
import Testing
@testable import GazetteKit

@Suite struct ProtocolTests {
    @Test func fileURLsAreRead() async throws {
        let url = TestPaths.fixture("fetch/feed.xml").absoluteString
        let result = await Fetcher().fetch([url])[0]
        let response = try #require(result.response)
        #expect(response.status == 0)
        #expect(response.body == (try Data(contentsOf: TestPaths.fixture("fetch/feed.xml"))))
    }

    @Test(arguments: ["ftp://example.org/feed.xml", "gopher://example.org/", "dict://127.0.0.1/x", "ldap://127.0.0.1/"])
    func otherSchemesAreRejectedBeforeAnyTransfer(url: String) async throws {
        let result = await Fetcher().fetch([url])[0]
        guard case .unsupportedScheme(let failing, _) = result.error else {
            Issue.record("expected unsupportedScheme, got \(result.outcome)")
            return
        }
        #expect(failing == url)
        #expect(result.attempts == 0)
    }

    @Test func textThatIsNotAURLIsReported() async {
        let result = await Fetcher().fetch(["not a url at all"])[0]
        #expect(result.error == .invalidURL("not a url at all"))
    }

    @Test func redirectsAreFollowedAndTheFinalURLRecorded() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/redirect/5")])[0]
        let response = try #require(result.response)
        #expect(response.finalURL == server.url("/redirect/0"))
        #expect(response.timings.redirects == 5)
        #expect(result.bodyText == "arrived\n")
    }

    @Test func aSixthRedirectAndALoopAreErrors() async throws {
        let server = try HTTPTestServer()
        let urls = [server.url("/redirect/6"), server.url("/loop")]
        let results = await Fetcher(options: .forTests()).fetch(urls)
        #expect(results[0].error == .tooManyRedirects(url: urls[0], limit: 5))
        #expect(results[1].error == .tooManyRedirects(url: urls[1], limit: 5))
        #expect(try server.stats()["by_path"] as? [String: Int] == ["/loop": 6, "/redirect/6": 1, "/redirect/5": 1,
            "/redirect/4": 1, "/redirect/3": 1, "/redirect/2": 1, "/redirect/1": 1])
    }

    @Test func aRedirectToAFileURLIsRefused() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/redirect-to-file")])[0]
        #expect(result.response == nil)
        #expect(result.error?.url == server.url("/redirect-to-file"))
    }

    @Test func compressedBodiesAreRequestedAndDecoded() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/gzip")])[0]
        #expect(result.bodyText == String(repeating: "Gazette compressed body. ", count: 200))
        let accepted = try server.requestHeaders(for: "/gzip")["Accept-Encoding"] ?? ""
        #expect(accepted.contains("gzip"))
        #expect(result.response?.header("Content-Encoding") == "gzip")
    }

    @Test func userAgentNamesGazetteItsVersionAndTheContact() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.contactURL = "https://digest.example.org/about"
        _ = await Fetcher(options: options).fetch([server.url("/headers")])
        let agent = try server.requestHeaders(for: "/headers")["User-Agent"] ?? ""
        #expect(agent.hasPrefix("Gazette/\(GazetteVersion.string) "))
        #expect(agent.contains("+https://digest.example.org/about"))
        #expect(agent.contains("libcurl/"))
    }

    @Test func responseCarriesStatusHeadersContentTypeCharsetAndTimings() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/file/fetch/page.html")])[0]
        let response = try #require(result.response)
        #expect(response.status == 200)
        #expect(response.contentType == "text/html")
        #expect(response.charset == "utf-8")
        #expect(response.header("content-length") == String(response.body.count))
        #expect(response.timings.total > 0)
        #expect(response.timings.firstByte >= response.timings.connect)
        #expect(result.attempts == 1)
    }
}
