import Foundation
import Testing
@testable import GazetteKit

@Suite struct ConditionalGetTests {
    @Test func aSecondFetchIsConditionalAndA304ReturnsTheCachedBody() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        options.cacheDirectory = try TestPaths.temporaryDirectory()
        let url = server.url("/etag")

        let first = try #require(await Fetcher(options: options).fetch([url])[0].response)
        #expect(first.status == 200)
        #expect(first.notModified == false)
        #expect(try server.requestHeaders(for: "/etag")["If-None-Match"] == nil)

        let second = try #require(await Fetcher(options: options).fetch([url])[0].response)
        #expect(second.status == 304)
        #expect(second.notModified)
        #expect(second.body == first.body)
        #expect(second.contentType == "application/rss+xml")
        let headers = try server.requestHeaders(for: "/etag")
        #expect(headers["If-None-Match"] == "\"v1\"")
        #expect(headers["If-Modified-Since"] == "Sat, 28 Nov 2026 06:00:00 GMT")
    }

    @Test func aDamagedCacheEntryIsIgnored() async throws {
        let server = try HTTPTestServer()
        var options = FetchOptions.forTests()
        let directory = try TestPaths.temporaryDirectory()
        options.cacheDirectory = directory
        let url = server.url("/etag")
        _ = await Fetcher(options: options).fetch([url])
        let body = directory.appendingPathComponent("\(StableHash.hex(url)).body")
        try Data("truncated".utf8).write(to: body)

        let again = try #require(await Fetcher(options: options).fetch([url])[0].response)
        #expect(again.status == 200)
        #expect(again.notModified == false)
        #expect(String(decoding: again.body, as: UTF8.self) == "<rss>cached body</rss>\n")
    }

    @Test func withoutACacheNothingIsConditional() async throws {
        let server = try HTTPTestServer()
        let fetcher = Fetcher(options: .forTests())
        _ = await fetcher.fetch([server.url("/etag")])
        let second = await fetcher.fetch([server.url("/etag")])[0]
        #expect(second.response?.status == 200)
        #expect(try server.requestHeaders(for: "/etag")["If-None-Match"] == nil)
    }
}
