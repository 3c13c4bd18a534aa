import Foundation
import Testing
@testable import GazetteKit

@Suite struct PageMetadataTests {
    func metadata(_ head: String, body: String = "", url: String? = "https://news.example.org/a/b") throws -> PageMetadata {
        let tree = try #require(HTMLTree(utf8: Array("<html lang=\"de\"><head>\(head)</head><body>\(body)</body></html>".utf8), url: url))
        return PageMetadata(tree: tree, pageURL: url)
    }

    @Test func jsonLDInAGraphWinsOverOpenGraph() throws {
        let meta = try metadata("""
        <meta property="og:title" content="OG title"><meta name="author" content="By Ann Lee">
        <script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "The Courier"},
          {"@type": ["NewsArticle"], "headline": "Ferry &amp; bridge", "datePublished": "2026-11-29T06:00:00+01:00",
           "author": [{"name": "Jo Smith"}, "Ann Lee"], "image": {"url": "/img/1.jpg"}}]}</script>
        """)
        #expect(meta.headline == "Ferry & bridge")
        #expect(meta.siteName == "The Courier")
        #expect(meta.authors == ["Jo Smith", "Ann Lee"])
        #expect(meta.published.map(Timestamp.rfc3339) == "2026-11-29T05:00:00Z")
        #expect(meta.image?.url == "https://news.example.org/img/1.jpg")
        #expect(meta.language == "de")
    }

    @Test func withoutJSONLDTheHeadlineFallsBackInOrder() throws {
        #expect(try metadata("<meta name=twitter:title content='Tw'><title>Doc | Site</title>").headline == "Tw")
        #expect(try metadata("<title>Doc</title>", body: "<h1>  First   heading </h1>").headline == "First heading")
        #expect(try metadata("<title>Long headline here | Site</title>").headline == "Long headline here")
        #expect(try metadata("<meta property='og:site_name' content='Site'><title>Site - Headline</title>").headline == "Headline")
    }

    @Test func canonicalDatesAndKeysAnyCase() throws {
        let meta = try metadata("""
        <link rel="Canonical" href="../c?x=1"><META PROPERTY="article:modified_time" CONTENT="2026-11-28T10:00:00Z">
        <meta name="description" content="  A   description. "><meta name="unrelated" content="x">
        """, body: "<time datetime='2026-11-27'>Friday</time>")
        #expect(meta.canonicalURL == "https://news.example.org/c?x=1")
        #expect(meta.modified.map(Timestamp.rfc3339) == "2026-11-28T10:00:00Z")
        #expect(meta.published.map(Timestamp.rfc3339) == "2026-11-27T00:00:00Z")
        #expect(meta.description == "A description.")
    }
}
