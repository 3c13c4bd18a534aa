import Foundation

/// Fetch → parse: every source fetched at once (conditional GET through the cache), feeds parsed,
/// article-page sources summarised. A failing source becomes an outcome with its error.
/// (Linked pages of selected items are summarised afterwards by `summariseLinkedPages`.)
public struct GatherStep: Sendable {
    public var fetchOptions: FetchOptions
    public var extractor: ArticleExtractor
    public var fetchArticles: Bool

    /// A feed summary shorter than this (in characters) is not a usable lead.
    static let usableSummaryLength = 80

    public init(fetchOptions: FetchOptions, extractor: ArticleExtractor, fetchArticles: Bool) {
        self.fetchOptions = fetchOptions
        self.extractor = extractor
        self.fetchArticles = fetchArticles
    }

    /// Stage timings, seconds: fetch, parse, articles.
    public struct Timings: Sendable {
        public var fetch = 0.0
        public var parse = 0.0
        public var articles = 0.0
    }

    public func run(_ sources: [SourceConfig]) -> ([SourceOutcome], Timings) {
        var timings = Timings()
        let fetcher = Fetcher(options: fetchOptions)
        var clock = Date()
        let results = fetcher.fetchBlocking(sources.map(\.url))
        timings.fetch = Date().timeIntervalSince(clock)
        clock = Date()
        var outcomes: [SourceOutcome] = []
        for (source, result) in zip(sources, results) {
            guard let response = result.response else {
                outcomes.append(SourceOutcome(source: source, candidates: [], error: result.error?.description ?? "no response", elapsed: result.elapsed))
                continue
            }
            guard (200..<300).contains(response.status) || response.notModified || response.status == 0 else {
                outcomes.append(SourceOutcome(source: source, candidates: [], error: "\(source.url): HTTP \(response.status)", elapsed: result.elapsed))
                continue
            }
            switch source.kind {
            case .feed:
                do {
                    // A local file is not the base of the feed's links: its own site link is.
                    let local = response.finalURL.hasPrefix("file:")
                    let feed = try FeedParser().parse(response.body, url: local ? nil : response.finalURL,
                                                      httpCharset: response.charset, source: source.url)
                    if let reason = feed.notAFeedReason {
                        let type = response.contentType.map { " (Content-Type \($0))" } ?? ""
                        outcomes.append(SourceOutcome(source: source, candidates: [], error: "\(source.url): not a feed\(type): \(reason)",
                                                      elapsed: result.elapsed))
                        continue
                    }
                    let name = source.name ?? feed.title?.displayText
                    let candidates = feed.entries.enumerated().map { index, entry in
                        var item = candidate(entry, index: index, source: source, name: name)
                        if local { item.link = item.link.map { Self.absolute($0, base: feed.link) } }
                        return item
                    }
                    outcomes.append(SourceOutcome(source: source, candidates: candidates, error: nil, elapsed: result.elapsed))
                } catch {
                    outcomes.append(SourceOutcome(source: source, candidates: [], error: "\(error)", elapsed: result.elapsed))
                }
            case .article:
                let local = response.finalURL.hasPrefix("file:")
                var article = extractor.extract(response.body, url: local ? nil : response.finalURL, httpCharset: response.charset)
                if local, let base = article.canonicalURL {
                    article.feedItems = article.feedItems.map { item in
                        var item = item
                        item.link = item.link.map { Self.absolute($0, base: base) }
                        return item
                    }
                }
                guard let title = article.title, !title.isEmpty else {
                    outcomes.append(SourceOutcome(source: source, candidates: [], error: "\(source.url): no article found on the page", elapsed: result.elapsed))
                    continue
                }
                var item = Candidate(source: source, sourceName: source.name ?? article.siteName, headline: title,
                                     link: article.canonicalURL ?? article.url ?? source.url, guid: nil,
                                     published: article.published ?? article.modified, summary: article.description ?? "",
                                     lead: article.lead, image: article.image, order: 0)
                item.feedItems = article.feedItems
                outcomes.append(SourceOutcome(source: source, candidates: [item], error: nil, elapsed: result.elapsed))
            }
        }
        timings.parse = Date().timeIntervalSince(clock)
        return (outcomes, timings)
    }

    private func candidate(_ entry: FeedEntry, index: Int, source: SourceConfig, name: String?) -> Candidate {
        let headline = entry.title?.displayText.collapsingWhitespace ?? ""
        let summaryText = (entry.summary ?? entry.content)?.displayText ?? ""
        let longText = (entry.content ?? entry.summary)?.displayText ?? ""
        var lead: [String] = []
        if longText.count >= Self.usableSummaryLength || (!summaryText.isEmpty && summaryText != headline) {
            lead = extractor.leadPicker.trim([longText.isEmpty ? summaryText : longText])
        }
        let image = entry.image ?? entry.enclosures.first { $0.type?.hasPrefix("image/") == true }?.url
        return Candidate(source: source, sourceName: name, headline: headline.isEmpty ? (summaryText.isEmpty ? "Untitled" : String(summaryText.prefix(80))) : headline,
                         link: entry.link, guid: entry.id, published: entry.published ?? entry.updated,
                         summary: summaryText, lead: lead, image: image, order: index)
    }

    /// `link` made absolute against `base` when it is relative and a base is known.
    static func absolute(_ link: String, base: String?) -> String {
        guard let base, !link.contains("://"), !link.hasPrefix("mailto:") else { return link }
        return WebLink.resolve(link, against: base)
    }

    /// Fetches (bounded, cached) and summarises the pages of the selected items whose feed had no
    /// usable summary; runs after selection, so only pages that will be shown are fetched.
    public func summariseLinkedPages(_ sections: inout [DigestSection]) {
        guard fetchArticles else { return }
        var wanted: [(section: Int, item: Int, url: String)] = []
        for (s, section) in sections.enumerated() {
            for (i, item) in section.items.enumerated() {
                let leadLength = item.lead.reduce(0) { $0 + $1.count }
                guard leadLength < Self.usableSummaryLength, let link = item.link,
                      link.hasPrefix("http://") || link.hasPrefix("https://") else { continue }
                wanted.append((s, i, link))
            }
        }
        guard !wanted.isEmpty else { return }
        let results = Fetcher(options: fetchOptions).fetchBlocking(wanted.map(\.url))
        for (want, result) in zip(wanted, results) {
            guard let response = result.response, (200..<300).contains(response.status) || response.notModified else { continue }
            let article = extractor.extract(response.body, url: response.finalURL, httpCharset: response.charset)
            var item = sections[want.section].items[want.item]
            if !article.lead.isEmpty { item.lead = article.lead }
            if item.image == nil, let image = article.image { item.image = DigestImage(url: image, alt: item.headline) }
            item.feedItems = article.feedItems
            if item.published == nil { item.published = article.published }
            sections[want.section].items[want.item] = item
        }
    }
}
