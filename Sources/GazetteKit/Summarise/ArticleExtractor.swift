import Foundation

/// Turns an article page into an `Article`: metadata, body paragraphs, lead and page feed items.
public struct ArticleExtractor: Sendable {
    public var leadPicker: LeadPicker

    public init(leadPicker: LeadPicker = LeadPicker()) {
        self.leadPicker = leadPicker
    }

    /// - Parameters:
    ///   - data: the page as fetched.
    ///   - url: the page's URL (base for links).
    ///   - httpCharset: the HTTP `charset`, which outranks the page's own `<meta>`.
    public func extract(_ data: Data, url: String? = nil, httpCharset: String? = nil) -> Article {
        var article = Article()
        article.url = url
        guard let tree = Self.tree(data, url: url, httpCharset: httpCharset) else { return article }
        let metadata = PageMetadata(tree: tree, pageURL: url)
        article.title = metadata.headline
        article.canonicalURL = metadata.canonicalURL
        article.siteName = metadata.siteName
        article.authors = metadata.authors
        article.published = metadata.published
        article.modified = metadata.modified
        article.description = metadata.description
        article.image = metadata.image
        article.language = metadata.language

        let feed = (tree.body ?? tree.root).map { PageFeedDetector(baseURL: url).detect(in: $0) }
        article.feedItems = feed?.items ?? []
        var paragraphs = ContentExtractor(tree: tree, headline: article.title)
            .paragraphs(excluding: feed?.containers ?? [])
        let bodyLength = paragraphs.reduce(0) { $0 + $1.count }
        if let fromLD = metadata.articleBody, bodyLength < 300, fromLD.count > max(500, bodyLength * 2) {
            paragraphs = fromLD.split(whereSeparator: \.isNewline).map { HTMLText.decodeEntities(String($0)).collapsingWhitespace }
                .filter { !$0.isEmpty }
        }
        article.paragraphs = paragraphs
        (article.lead, article.leadSource) = leadPicker.pick(paragraphs: paragraphs, headline: article.title,
                                                              description: article.description)
        return article
    }

    /// Decoded to UTF-8, raw text and furniture regions stripped, parsed by libxml2.
    static func tree(_ data: Data, url: String?, httpCharset: String?) -> HTMLTree? {
        HTMLTree(utf8: RawTextStripper.strip(PageDecoder.utf8(data, httpCharset: httpCharset)), url: url)
    }

    // Phase timings for gazette-bench (not used by the extractor itself).
    public static func phaseStrip(_ data: Data) -> Int { RawTextStripper.strip(PageDecoder.utf8(data, httpCharset: nil)).count }
    public static func phaseParse(_ data: Data) -> Bool { tree(data, url: nil, httpCharset: nil) != nil }
    public static func phaseMetadata(_ data: Data) -> String? {
        tree(data, url: nil, httpCharset: nil).flatMap { PageMetadata(tree: $0, pageURL: nil).headline }
    }
}
