import Foundation
import Testing
@testable import GazetteKit

@Suite struct LimitTests {
    @Test func anEndlessBodyIsStoppedWhileStreaming() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.maxBodyBytes = 1024 * 1024
        let url = server.url("/endless")
        let result = await Fetcher(options: options).fetch([url])[0]
        #expect(result.error == .bodyTooLarge(url: url, limit: 1024 * 1024))
        #expect(result.attempts == 1)
        // The server stops when the client hangs up; it must not have streamed anywhere near its 256 MiB cap.
        var streamed: Int?
        for _ in 0..<50 where streamed == nil {
            streamed = (try server.stats()["streamed"] as? [String: Int])?["/endless"]
            if streamed == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(try #require(streamed) < 64 * 1024 * 1024)
    }

    @Test func aDeclaredLengthOverTheLimitIsRefused() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.maxBodyBytes = 1000
        let urls = [server.url("/big?bytes=5000"), server.url("/big?bytes=1000")]
        let results = await Fetcher(options: options).fetch(urls)
        #expect(results[0].error == .bodyTooLarge(url: urls[0], limit: 1000))
        #expect(results[1].response?.body.count == 1000)
    }

    @Test func aSlowDripHitsTheTotalTimeoutAndIsNotRetried() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.totalTimeout = 1
        let url = server.url("/drip?interval=0.2&bytes=100")
        let result = await Fetcher(options: options).fetch([url])[0]
        guard case .timedOut(let failing, let message) = result.error else {
            Issue.record("expected a timeout, got \(result.outcome)")
            return
        }
        #expect(failing == url)
        #expect(message.lowercased().contains("timed out"))
        #expect(result.attempts == 1)
    }
}

@Suite struct ConnectTimeoutTests {
    @Test func aConnectionThatNeverOpensTimesOutAndIsRetried() async throws {
        let listener = try BlackholeListener()
        var options = FetchOptions.forTests(attempts: 2)
        options.connectTimeout = 0.3
        options.totalTimeout = 5
        let url = "http://127.0.0.1:\(listener.port)/"
        let result = await Fetcher(options: options).fetch([url])[0]
        guard case .timedOut(let failing, _) = result.error else {
            Issue.record("expected a connect timeout, got \(result.outcome)")
            return
        }
        #expect(failing == url)
        #expect(result.attempts == 2)  // never connected, so retried
        #expect(result.elapsed >= 0.6)
        #expect(result.elapsed < 4)  // the connect timeout, not the total one, ended each attempt
    }
}
