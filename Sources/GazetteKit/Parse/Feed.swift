import Foundation

/// The syndication formats Gazette reads, as detected from the document's root.
public enum FeedFormat: String, Sendable, Codable {
    case rss20 = "rss2.0", rss09x = "rss0.9x", rssUnversioned = "rss", rss10 = "rss1.0", rss090 = "rss0.90"
    case atom10 = "atom1.0", atom03 = "atom0.3", atomUnversioned = "atom", jsonFeed = "json"
    /// Not a feed: the root was none of the above (see `Feed.notAFeedReason`).
    case unknown
}

/// Text from a feed with how to read it: literal text, or HTML markup.
public struct FeedText: Sendable, Equatable, Codable {
    /// The text as read: literal text, or HTML markup when `isHTML` (`displayText` shows either).
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
    /// The author's web page, resolved to an absolute URL.
    public var uri: String?
}

/// A file attached to an entry (podcast audio, an image).
public struct FeedEnclosure: Sendable, Equatable, Codable {
    public var url: String
    /// MIME type as the feed declares it (`audio/mpeg`); nil when not given.
    public var type: String?
    /// Size in bytes as the feed declares it; nil when missing or not a number.
    public var length: Int?
}

/// One item of a feed. `published` and `updated` are kept apart, as are `summary` and `content`.
public struct FeedEntry: Sendable, Equatable, Codable {
    public var title: FeedText?
    /// The entry's page, resolved; an RSS permalink `guid` when there is no link.
    public var link: String?
    /// The `guid`, Atom `id`, `rdf:about` or JSON Feed `id`, as written: not always a URL.
    public var id: String?
    /// When first published; nil when absent or unreadable (never guessed).
    public var published: Date?
    /// When last changed; nil when absent or unreadable.
    public var updated: Date?
    /// The short text (RSS `description`, Atom and JSON Feed `summary`).
    public var summary: FeedText?
    /// The full text (`content:encoded`, Atom `content`, JSON Feed `content_html`), when given.
    public var content: FeedText?
    /// The first author named.
    public var author: FeedAuthor?
    public var categories: [String] = []
    public var enclosures: [FeedEnclosure] = []
    /// The entry's picture: Media RSS `media:content` (an image, the widest) or `media:thumbnail`,
    /// JSON Feed `image` (else `banner_image`); resolved. Image enclosures and `<img>` in the
    /// content are looked at later, when a story needs a picture.
    public var image: WebImage?

    public init() {}
}

/// A parsed feed: its own fields and its entries in document order.
public struct Feed: Sendable, Equatable, Codable {
    public var format: FeedFormat = .unknown
    public var title: FeedText?
    /// The site's home page, resolved.
    public var link: String?
    public var description: FeedText?
    /// Language tag as the feed gives it (`en-gb`); nil when not given.
    public var language: String?
    /// When the feed last changed, by its own account; nil when not given.
    public var updated: Date?
    /// URL of the feed's icon, logo or RSS `<image>`, resolved.
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
