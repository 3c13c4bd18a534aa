import Foundation

/// Turns one source's fetched document into candidates: a feed is parsed, an article page
/// summarised. Anything else becomes the source's error.
struct SourceReader: Sendable {
    let extractor: ArticleExtractor

    func read(_ result: FetchResult, for source: SourceConfig) -> SourceOutcome {
        func failure(_ error: SourceError) -> SourceOutcome {
            SourceOutcome(source: source, candidates: [], error: error, elapsed: result.elapsed)
        }
        guard let response = result.response else { return failure(result.error.map { .fetch($0) } ?? .httpStatus(url: source.url, status: 0)) }
        guard (200..<300).contains(response.status) || response.notModified || response.status == 0 else {
            return failure(.httpStatus(url: source.url, status: response.status))
        }
        // A local file is not the base of its links: the feed's own site link or the page's canonical URL is.
        let local = response.finalURL.hasPrefix("file:")
        switch source.kind {
        case .feed:
            let feed: Feed
            do {
                feed = try FeedParser().parse(response.body, url: local ? nil : response.finalURL, httpCharset: response.charset,
                                              source: source.url)
            } catch {
                return failure(.unreadable(error))
            }
            if let reason = feed.notAFeedReason { return failure(.notAFeed(url: source.url, contentType: response.contentType, found: reason)) }
            let name = source.name ?? feed.title?.displayText
            let candidates = feed.entries.enumerated().map { index, entry in
                var item = Candidate(entry: entry, index: index, source: source, sourceName: name, leadPicker: extractor.leadPicker)
                if local { item.link = item.link.map { Self.absolute($0, base: feed.link) } }
                return item
            }
            return SourceOutcome(source: source, candidates: candidates, error: nil, elapsed: result.elapsed)
        case .article:
            var article = extractor.extract(response.body, url: local ? nil : response.finalURL, httpCharset: response.charset)
            if local, let base = article.canonicalURL {
                article.feedItems = article.feedItems.map { item in
                    var item = item
                    item.link = item.link.map { Self.absolute($0, base: base) }
                    return item
                }
            }
            guard let title = article.title, !title.isEmpty else { return failure(.noArticle(url: source.url)) }
            return SourceOutcome(source: source, candidates: [Candidate(article: article, source: source, title: title)],
                                 error: nil, elapsed: result.elapsed)
        }
    }

    /// `link` made absolute against `base` when it is relative and a base is known.
    static func absolute(_ link: String, base: String?) -> String {
        guard let base, !link.contains("://"), !link.hasPrefix("mailto:") else { return link }
        return WebLink.resolve(link, against: base)
    }
}
