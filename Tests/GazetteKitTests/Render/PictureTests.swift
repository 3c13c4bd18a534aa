import Foundation
import Testing
@testable import GazetteKit

/// A story's picture: found in every place feeds and pages put one, and shown email-safely.
@Suite struct PictureTests {
    static func entries(_ xml: String) throws -> [FeedEntry] {
        try FeedParser().parse(Data(xml.utf8), url: "https://news.example.org/feed").entries
    }

    static func candidate(_ entry: FeedEntry) -> Candidate {
        Candidate(entry: entry, index: 0, source: SourceConfig(url: "https://news.example.org/feed", section: "News"), sourceName: nil,
                  leadPicker: LeadPicker())
    }

    @Test func mediaRSSPicturesTheWidestImageAndNeverAVideo() throws {
        let entries = try Self.entries("""
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
        <item><title>Thumbnail only</title><media:thumbnail url="/img/a.jpg" width="320" height="180"/></item>
        <item><title>Content beats thumbnail</title><media:thumbnail url="https://cdn.example.org/small.jpg" width="150" height="100"/>
          <media:content url="https://cdn.example.org/big.jpg" medium="image" width="1200" height="675"/>
          <media:content url="https://cdn.example.org/clip.mp4" medium="video" width="1920" height="1080"/></item>
        <item><title>Group</title><media:group><media:content url="https://cdn.example.org/g1.jpg" type="image/jpeg" width="640"/>
          <media:content url="https://cdn.example.org/g2.jpg" type="image/jpeg" width="1024"/></media:group></item>
        <item><title>Pixel</title><media:thumbnail url="https://track.example.org/p.gif" width="1" height="1"/></item>
        </channel></rss>
        """)
        #expect(entries[0].image == WebImage(url: "https://news.example.org/img/a.jpg", width: 320, height: 180))
        #expect(entries[1].image == WebImage(url: "https://cdn.example.org/big.jpg", width: 1200, height: 675))
        #expect(entries[2].image?.url == "https://cdn.example.org/g2.jpg")
        #expect(entries[3].image == nil)
    }

    @Test func atomJSONFeedEnclosuresAndTheFirstRealImgOfTheText() throws {
        let atom = try Self.entries("""
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>T</title>
        <entry><title>A</title><id>a</id><media:thumbnail url="https://cdn.example.org/atom.jpg" width="600" height="400"/></entry>
        <entry><title>B</title><id>b</id><link rel="enclosure" type="image/png" href="https://cdn.example.org/encl.png"/></entry>
        </feed>
        """)
        #expect(atom[0].image?.url == "https://cdn.example.org/atom.jpg")
        #expect(Self.candidate(atom[1]).image?.url == "https://cdn.example.org/encl.png")

        // RSS 2.0 enclosures: typed, untyped but named like a picture, and a podcast episode (no picture)
        let rss = try Self.entries("""
        <rss version="2.0"><channel><title>T</title>
        <item><title>Typed</title><enclosure url="https://cdn.example.org/typed" type="image/jpeg" length="1"/></item>
        <item><title>Untyped</title><enclosure url="https://cdn.example.org/photo.JPG?w=800" length="1"/></item>
        <item><title>Audio</title><enclosure url="https://cdn.example.org/episode.mp3" type="audio/mpeg" length="1"/></item>
        </channel></rss>
        """)
        #expect(rss.map { Self.candidate($0).image?.url } == ["https://cdn.example.org/typed", "https://cdn.example.org/photo.JPG?w=800", nil])

        let json = try FeedParser().parse(Data("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [
          {"id": "1", "title": "Image", "image": "/j/1.jpg", "banner_image": "https://cdn.example.org/banner.jpg"},
          {"id": "2", "title": "Banner", "banner_image": "https://cdn.example.org/banner.jpg"}]}
        """.utf8), url: "https://news.example.org/feed.json").entries
        #expect(json[0].image?.url == "https://news.example.org/j/1.jpg")
        #expect(json[1].image?.url == "https://cdn.example.org/banner.jpg")

        let html = try Self.entries("""
        <rss version="2.0"><channel><title>T</title><item><title>Inline</title>
        <description>&lt;img src="https://track.example.org/open.gif" width="1" height="1"&gt;&lt;img src="/icons/share.png" width="16" height="16"&gt;
        &lt;p&gt;Text &lt;img src="/photos/harbour.jpg" width="800" height="533" alt=""&gt;&lt;/p&gt;</description></item>
        <item><title>Hostile</title><description>&lt;img src="javascript:alert(1)" width="800"&gt;</description></item>
        </channel></rss>
        """)
        #expect(Self.candidate(html[0]).image == WebImage(url: "https://news.example.org/photos/harbour.jpg", width: 800, height: 533))
        #expect(Self.candidate(html[1]).image == nil)
    }

    @Test func articlePagesGiveTheirMetadataPicture() throws {
        let extractor = ArticleExtractor()
        let og = extractor.extract(Data("""
        <html><head><meta property="og:image" content="http://cdn.example.org/plain.jpg">
        <meta property="og:image:secure_url" content="https://cdn.example.org/secure.jpg">
        <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"></head>
        <body><article><p>Words enough to be a story about the harbour and its bridge.</p></article></body></html>
        """.utf8), url: "https://news.example.org/a")
        #expect(og.image == WebImage(url: "https://cdn.example.org/secure.jpg", width: 1200, height: 630))
        let twitter = extractor.extract(Data("""
        <html><head><meta name="twitter:image" content="/t.jpg"></head><body><p>Text.</p></body></html>
        """.utf8), url: "https://news.example.org/b")
        #expect(twitter.image?.url == "https://news.example.org/t.jpg")
        // Open Graph's size describes the Open Graph picture only, never a Twitter one named first
        let mixed = extractor.extract(Data("""
        <html><head><meta name="twitter:image" content="https://cdn.example.org/square.jpg">
        <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630"></head><body><p>Text.</p></body></html>
        """.utf8), url: "https://news.example.org/d")
        #expect(mixed.image == WebImage(url: "https://cdn.example.org/square.jpg"))
        let jsonLD = extractor.extract(Data("""
        <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",
        "image": {"@type": "ImageObject", "url": "https://cdn.example.org/ld.jpg", "width": 1600, "height": "900"}}</script>
        </head><body><p>Text.</p></body></html>
        """.utf8), url: "https://news.example.org/c")
        #expect(jsonLD.image == WebImage(url: "https://cdn.example.org/ld.jpg", width: 1600, height: 900))
    }

    static func render(_ images: [DigestImage?], placement: ImagePlacement) throws -> String {
        var digest = SampleDigest.digest
        digest.images = placement
        let items = images.enumerated().map { index, image in
            DigestItem(headline: "Story \(index)", link: "https://news.example.org/\(index)", sourceName: "Wire", published: nil,
                       lead: ["A lead."], image: image)
        }
        digest.sections = [DigestSection(name: "News", items: items)]
        return try #require(DigestRenderer(digest: digest, templates: try TemplateSet()).render(for: SampleDigest.recipient).html)
    }

    @Test func theLeadStoryGetsAFullWidthHTTPSPictureAndOthersFollowTheSetting() throws {
        let big = DigestImage(url: "https://cdn.example.org/big.jpg", alt: "Big \"quoted\" <b>", width: 1200, height: 800)
        let small = DigestImage(url: "https://cdn.example.org/small.jpg", alt: "Small", width: 300, height: 200)
        let lead = try Self.render([big, small], placement: .lead)
        #expect(lead.contains(#"<img src="https://cdn.example.org/big.jpg" width="536" height="357" alt="Big &quot;quoted&quot; &lt;b&gt;" border="0" style="display:block;width:100%;max-width:536px;height:auto;"#))
        #expect(!lead.contains("small.jpg"))
        let all = try Self.render([big, small], placement: .all)
        #expect(all.contains(#"<img src="https://cdn.example.org/small.jpg" width="120" height="80" alt="Small" border="0""#))
        let none = try Self.render([big, small], placement: .none)
        #expect(!none.contains("<img"))

        let plain = try Self.render([DigestImage(url: "http://cdn.example.org/plain.jpg", alt: "P")], placement: .lead)
        #expect(!plain.contains("<img"))
        for hostile in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:image/png;base64,AAAA", "https://cdn.example.org/a\".jpg onerror=alert(1)"] {
            let html = try Self.render([DigestImage(url: hostile, alt: "H")], placement: .lead)
            // Either left out, or inside a quoted attribute with its quote escaped.
            #expect(!html.contains("a\".jpg") && !html.lowercased().contains("javascript:") && !html.contains("data:image"), "\(hostile)")
        }
        // The text part never carries pictures.
        var digest = SampleDigest.digest
        digest.images = .all
        #expect(!DigestRenderer(digest: digest, templates: try TemplateSet()).render(for: SampleDigest.recipient).text.contains(".jpg"))
    }
}
