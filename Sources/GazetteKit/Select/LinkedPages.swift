import Foundation

/// The article pages of selected items whose feed had no usable summary: fetched (bounded,
/// cached) and summarised after selection, so only pages that will be shown are fetched.
struct LinkedPages: Sendable {
    let fetchOptions: FetchOptions
    let extractor: ArticleExtractor

    func summarise(_ sections: inout [DigestSection]) {
        var wanted: [(section: Int, item: Int, url: String)] = []
        for (s, section) in sections.enumerated() {
            for (i, item) in section.items.enumerated() {
                let leadLength = item.lead.reduce(0) { $0 + $1.count }
                guard leadLength < Candidate.usableSummaryLength, let link = item.link,
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
            if item.image == nil, let image = article.image { item.image = DigestImage(image, alt: item.headline) }
            item.feedItems = article.feedItems
            if item.published == nil { item.published = article.published }
            sections[want.section].items[want.item] = item
        }
    }
}
