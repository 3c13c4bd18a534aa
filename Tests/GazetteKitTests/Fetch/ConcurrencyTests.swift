import Testing
@testable import GazetteKit

/// Concurrency is proven by what the server saw in flight at once, not by wall time.
@Suite struct ConcurrencyTests {
    @Test func totalConcurrencyCapIsTheMostInFlight() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.maxConcurrent = 3
        options.maxPerHost = 10
        let results = await Fetcher(options: options).fetch((0..<12).map { server.url("/slow?ms=250&n=\($0)") })
        #expect(results.allSatisfy { $0.response?.status == 200 })
        #expect(try server.stats()["max_in_flight"] as? Int == 3)
    }

    @Test func perHostCapAppliesToEachHost() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.maxConcurrent = 16
        options.maxPerHost = 2
        let urls = (0..<8).flatMap { [server.url("/slow?ms=250&n=\($0)"), server.url("/slow?ms=250&n=\($0)", host: "localhost")] }
        let results = await Fetcher(options: options).fetch(urls)
        #expect(results.allSatisfy { $0.response?.status == 200 })
        let stats = try server.stats()
        let byHost = try #require(stats["max_in_flight_by_host"] as? [String: Int])
        #expect(byHost["127.0.0.1:\(server.port)"] == 2)
        #expect(byHost["localhost:\(server.port)"] == 2)
        #expect(stats["max_in_flight"] as? Int == 4)
    }

    @Test func defaultsOverlapFourTransfersToOneHost() async throws {
        let server = try HTTPTestServer()
        let results = await Fetcher(options: .forTests()).fetch((0..<10).map { server.url("/slow?ms=250&n=\($0)") })
        #expect(results.count == 10)
        #expect(try server.stats()["max_in_flight"] as? Int == 4)
    }

    /// An HTTP/1.0 server closes each connection: waiting to multiplex on one would serialise the
    /// host, so it must get its `per_host` connections like an HTTP/1.1 one.
    @Test(arguments: [false, true])
    func anHTTP10ServerGetsItsPerHostConnections(http10: Bool) async throws {
        let server = try HTTPTestServer(http10: http10)
        var options = FetchOptions.forTests()
        options.maxPerHost = 4
        let results = await Fetcher(options: options).fetch((0..<16).map { server.url("/slow?ms=300&n=\($0)") })
        #expect(results.allSatisfy { $0.response?.status == 200 })
        #expect(try server.stats()["max_in_flight"] as? Int == 4)
    }

    @Test func resultsKeepTheOrderOfTheURLsAndOneBadURLFailsAlone() async throws {
        let server = try HTTPTestServer()
        let urls = [server.url("/slow?ms=200"), "gopher://example.org/", server.url("/status/404"),
                    server.url("/file/fetch/page.html"), "http://127.0.0.1:1/closed"]
        let results = await Fetcher(options: .forTests(attempts: 1)).fetch(urls)
        #expect(results.map(\.url) == urls)
        #expect(results[0].response?.status == 200)
        #expect(results[1].error == .unsupportedScheme(url: urls[1], scheme: "gopher"))
        #expect(results[2].error == .httpStatus(url: urls[2], status: 404))
        #expect(results[3].bodyText?.contains("Fixture page") == true)
        guard case .transport(let url, let code, let message) = results[4].error else {
            Issue.record("expected a transport error, got \(results[4].outcome)")
            return
        }
        #expect(url == urls[4])
        #expect(code == 7)
        #expect(message.contains("127.0.0.1"))
    }
}
