import Foundation

/// One feed or article page.
public struct SourceConfig: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// RSS, Atom, RDF or JSON Feed.
        case feed
        /// One article page, summarised as a single item.
        case article
    }

    /// `http(s)://` or `file://` (a config's `file:` path made absolute).
    public var url: String
    public var kind: Kind = .feed
    /// Name of the digest section its items appear under.
    public var section: String
    /// Shown under each headline; nil for the feed's title (an article's site name).
    public var name: String?
    /// Most items taken from this source per edition.
    public var maxItems: Int?
    /// Keep only items whose title or summary has one of these words (case-insensitive).
    public var include: [String] = []
    /// Drop items whose title or summary has one of these words.
    public var exclude: [String] = []

    public init(url: String, kind: Kind = .feed, section: String, name: String? = nil, maxItems: Int? = nil,
                include: [String] = [], exclude: [String] = []) {
        self.url = url
        self.kind = kind
        self.section = section
        self.name = name
        self.maxItems = maxItems
        self.include = include
        self.exclude = exclude
    }
}
