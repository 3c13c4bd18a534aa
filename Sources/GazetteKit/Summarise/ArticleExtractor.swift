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
        let page = PageDecoder.withUTF8(data, httpCharset: httpCharset, PagePruner.prune)
        return HTMLTree.withPage(utf8: page, url: url) { tree in
            guard let tree else { return article }
            fill(&article, from: tree, url: url)
            return article
        }
    }

    private func fill(_ article: inout Article, from tree: HTMLTree, url: String?) {
        let metadata = PageMetadata(tree: tree, pageURL: url)
        article.title = metadata.headline
        article.canonicalURL = metadata.canonicalURL
        article.siteName = metadata.siteName
        article.authors = metadata.authors
        article.published = metadata.published
        article.modified = metadata.modified
        article.description = metadata.description
        article.image = metadata.picture
        article.language = metadata.language

        let feed = (tree.body ?? tree.root).map { PageFeedDetector(baseURL: url).detect(in: $0) }
        article.feedItems = feed?.items ?? []
        var paragraphs = ContentExtractor(tree: tree, headline: article.title)
            .paragraphs(excluding: feed?.containers ?? [])
        // The JSON-LD body replaces a page body that is empty or a fraction of it.
        if let fromLD = metadata.articleBody, case let bodyLength = Self.characters(in: paragraphs, upTo: fromLD.count),
           (bodyLength < 300 && fromLD.count > max(500, bodyLength * 2)) || (fromLD.count >= 1500 && fromLD.count >= 3 * bodyLength) {
            paragraphs = fromLD.split(whereSeparator: \.isNewline).map { HTMLText.decodeEntities(String($0)).collapsingWhitespace }
                .filter { !$0.isEmpty }
        }
        article.paragraphs = paragraphs
        (article.lead, article.leadSource) = leadPicker.pick(paragraphs: paragraphs, headline: article.title,
                                                              description: article.description)
    }

    /// Characters in `paragraphs`, counted only until `limit` is passed.
    private static func characters(in paragraphs: [String], upTo limit: Int) -> Int {
        var total = 0
        for paragraph in paragraphs where total < limit { total += paragraph.count }
        return total
    }
}
