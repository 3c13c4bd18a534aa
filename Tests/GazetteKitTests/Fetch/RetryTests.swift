import Foundation
import Testing
@testable import GazetteKit

@Suite struct RetryTests {
    @Test(arguments: [503, 500, 502, 429])
    func transientStatusesAreRetriedUntilTheyRecover(code: Int) async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/flaky/k?fail=2&code=\(code)")])[0]
        #expect(result.bodyText == "recovered after 2 failures\n")
        #expect(result.attempts == 3)
    }

    @Test func attemptsAreBounded() async throws {
        let server = try HTTPTestServer()
        let url = server.url("/flaky/k?fail=10&code=503")
        let result = await Fetcher(options: .forTests(attempts: 4)).fetch([url])[0]
        #expect(result.error == .httpStatus(url: url, status: 503))
        #expect(result.attempts == 4)
        #expect(try server.stats()["by_path"] as? [String: Int] == ["/flaky/k": 4])
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/flaky/k?fail=1&code=404")])[0]
        #expect(result.error == .httpStatus(url: server.url("/flaky/k?fail=1&code=404"), status: 404))
        #expect(result.attempts == 1)
    }

    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func httpDatesInAllThreeFormsAreRead(_ value: String) {
        #expect(HeaderValues.httpDate(value) == Date(timeIntervalSince1970: 784_111_777))
        #expect(HeaderValues.retryAfter(value, now: Date(timeIntervalSince1970: 784_111_700)) == 77)
    }

    @Test func aNumericZoneInAnHTTPDateIsRead() {
        #expect(HeaderValues.httpDate("Sun, 06 Nov 1994 03:49:37 -0500") == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test func retryAfterIsHonoured() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/flaky/k?fail=1&code=429&retry_after=1")])[0]
        #expect(result.attempts == 2)
        #expect(result.response?.status == 200)
        #expect(result.elapsed >= 1.0)  // backoff alone would have waited 20-40 ms
    }

    @Test func aRetryAfterBeyondTheLongestWaitEndsTheRetries() async throws {
        let server = try HTTPTestServer()
        let url = server.url("/flaky/k?fail=1&code=503&retry_after=3600")
        let result = await Fetcher(options: .forTests()).fetch([url])[0]
        #expect(result.error == .httpStatus(url: url, status: 503))
        #expect(result.attempts == 1)
    }

    @Test func aDroppedConnectionIsRetried() async throws {
        let server = try HTTPTestServer()
        let result = await Fetcher(options: .forTests()).fetch([server.url("/drop/k?fail=1")])[0]
        #expect(result.bodyText == "recovered after 1 failures\n")
        #expect(result.attempts == 2)
    }

    @Test func aRefusedConnectionIsRetriedThenReported() async throws {
        let result = await Fetcher(options: .forTests(attempts: 2)).fetch(["http://127.0.0.1:1/"])[0]
        #expect(result.attempts == 2)
        guard case .transport(_, let code, _) = result.error else {
            Issue.record("expected a transport error, got \(result.outcome)")
            return
        }
        #expect(code == 7)
    }

    @Test func backoffDoublesWithJitterAndStaysInsideTheBudget() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 30, maxTotalTime: 60)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, elapsed: 0, random: 0) == 0.5)
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, elapsed: 0, random: 1) == 1)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, elapsed: 0, random: 0) == 2)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, elapsed: 0, random: 1) == 4)
        #expect(policy.delay(afterAttempt: 5, retryAfter: nil, elapsed: 0, random: 1) == nil)
        #expect(policy.delay(afterAttempt: 2, retryAfter: 20, elapsed: 0, random: 0) == 20)
        #expect(policy.delay(afterAttempt: 2, retryAfter: 31, elapsed: 0, random: 0) == nil)
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, elapsed: 59, random: 1) == nil)
        let capped = RetryPolicy(maxAttempts: 20, baseDelay: 1, maxDelay: 8, maxTotalTime: 1000)
        #expect(capped.delay(afterAttempt: 10, retryAfter: nil, elapsed: 0, random: 1) == 8)
    }

    @Test func retryAfterAcceptsSecondsAndHTTPDates() throws {
        let now = try #require(HeaderValues.httpDate("Sun, 29 Nov 2026 06:00:00 GMT"))
        #expect(HeaderValues.retryAfter("120", now: now) == 120)
        #expect(HeaderValues.retryAfter("Sun, 29 Nov 2026 06:01:30 GMT", now: now) == 90)
        #expect(HeaderValues.retryAfter("Sunday, 29-Nov-26 06:00:10 GMT", now: now) == 10)
        #expect(HeaderValues.retryAfter("Sun Nov 29 06:00:05 2026", now: now) == 5)
        #expect(HeaderValues.retryAfter("soon", now: now) == nil)
    }

    @Test func contentTypeIsSplitIntoTypeAndCharset() {
        #expect(HeaderValues.contentType("Text/HTML; Charset=\"ISO-8859-1\"") == ("text/html", "iso-8859-1"))
        #expect(HeaderValues.contentType("application/rss+xml") == ("application/rss+xml", nil))
        #expect(HeaderValues.contentType(nil) == (nil, nil))
    }
}
