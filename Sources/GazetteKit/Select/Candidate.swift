import Foundation

/// An item found in a source, before selection.
struct Candidate: Sendable {
    var source: SourceConfig
    var sourceName: String?
    var headline: String
    var link: String?
    var guid: String?
    var published: Date?
    /// Summary text from the feed (plain), used for keywords and as the lead when usable.
    var summary: String
    var lead: [String]
    var image: WebImage?
    var feedItems: [PageFeedItem] = []
    /// Position in its source (feeds list newest first, mostly).
    var order: Int

    var keys: [String] {
        ItemIdentity.keys(guid: guid, link: link, title: headline, lead: lead.joined(separator: " "))
    }
}

extension Candidate {
    /// A feed summary shorter than this (in characters) is not a usable lead.
    static let usableSummaryLength = 80

    /// A feed entry as a candidate: its summary (or content) trimmed to the lead when it is usable.
    init(entry: FeedEntry, index: Int, source: SourceConfig, sourceName: String?, leadPicker: LeadPicker) {
        let headline = entry.title?.displayText.collapsingWhitespace ?? ""
        let summaryText = (entry.summary ?? entry.content)?.displayText ?? ""
        let longText = (entry.content ?? entry.summary)?.displayText ?? ""
        var lead: [String] = []
        if longText.count >= Self.usableSummaryLength || (!summaryText.isEmpty && summaryText != headline) {
            lead = leadPicker.trim([longText.isEmpty ? summaryText : longText])
        }
        // The feed's own picture, else an image enclosure, else the first real <img> of the text.
        let image = entry.image ?? entry.enclosures.first { WebImage.isImage(type: $0.type, url: $0.url) }.map { WebImage(url: $0.url) }
            ?? [entry.content, entry.summary].lazy.compactMap { text in
                text.flatMap { $0.isHTML ? HTMLText.firstImage(inFragment: $0.value, base: nil) : nil }
            }.first
        let shownHeadline: String = headline.isEmpty ? (summaryText.isEmpty ? "Untitled" : String(summaryText.prefix(80))) : headline
        self.init(source: source, sourceName: sourceName, headline: shownHeadline,
                  link: entry.link, guid: entry.id, published: entry.published ?? entry.updated,
                  summary: summaryText, lead: lead, image: image, order: index)
    }

    /// An article page as the one candidate of an `article` source.
    init(article: Article, source: SourceConfig, title: String) {
        self.init(source: source, sourceName: source.name ?? article.siteName, headline: title,
                  link: article.canonicalURL ?? article.url ?? source.url, guid: nil,
                  published: article.published ?? article.modified, summary: article.description ?? "",
                  lead: article.lead, image: article.image, order: 0)
        feedItems = article.feedItems
    }
}
