import Foundation

/// The syndication formats Gazette reads, as detected from the document's root.
public enum FeedFormat: String, Sendable, Codable {
    case rss20 = "rss2.0", rss09x = "rss0.9x", rssUnversioned = "rss", rss10 = "rss1.0", rss090 = "rss0.90"
    case atom10 = "atom1.0", atom03 = "atom0.3", atomUnversioned = "atom", jsonFeed = "json"
    case unknown
}

/// Text from a feed with how to read it: literal text, or HTML markup.
public struct FeedText: Sendable, Equatable, Codable {
    public var value: String
    public var isHTML: Bool

    public init(_ value: String, isHTML: Bool) {
        self.value = value
        self.isHTML = isHTML
    }

    /// What a reader sees: markup removed and entities decoded for HTML, whitespace collapsed.
    public var displayText: String { isHTML ? HTMLText.plainText(fromFragment: value) : value.collapsingWhitespace }
}

/// A person named by a feed.
public struct FeedAuthor: Sendable, Equatable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?
}

/// A file attached to an entry (podcast audio, an image).
public struct FeedEnclosure: Sendable, Equatable, Codable {
    public var url: String
    public var type: String?
    public var length: Int?
}

/// One item of a feed. `published` and `updated` are kept apart, as are `summary` and `content`.
public struct FeedEntry: Sendable, Equatable, Codable {
    public var title: FeedText?
    public var link: String?
    public var id: String?
    public var published: Date?
    public var updated: Date?
    public var summary: FeedText?
    public var content: FeedText?
    public var author: FeedAuthor?
    public var categories: [String] = []
    public var enclosures: [FeedEnclosure] = []
    public var image: String?

    public init() {}
}

/// A parsed feed: its own fields and its entries in document order.
public struct Feed: Sendable, Equatable, Codable {
    public var format: FeedFormat = .unknown
    public var title: FeedText?
    public var link: String?
    public var description: FeedText?
    public var language: String?
    public var updated: Date?
    public var icon: String?
    public var entries: [FeedEntry] = []
    /// Problems met while reading (the document was recovered around them).
    public var warnings: [String] = []

    public init() {}

    /// Why the document is not a feed at all (an HTML page, some other XML, nothing readable),
    /// or nil when it is one. A feed with no entries is still a feed.
    public var notAFeedReason: String? {
        guard format == .unknown else { return nil }
        return warnings.last { $0.hasPrefix("root element") || $0 == "nothing recoverable" } ?? "no root element"
    }
}
