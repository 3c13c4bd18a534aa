import Foundation

/// An item found in a source, before selection.
public struct Candidate: Sendable {
    public var source: SourceConfig
    public var sourceName: String?
    public var headline: String
    public var link: String?
    public var guid: String?
    public var published: Date?
    /// Summary text from the feed (plain), used for keywords and as the lead when usable.
    public var summary: String
    public var lead: [String]
    public var image: String?
    public var feedItems: [PageFeedItem] = []
    /// Position in its source (feeds list newest first, mostly).
    public var order: Int

    public var keys: [String] {
        ItemIdentity.keys(guid: guid, link: link, title: headline, lead: lead.joined(separator: " "))
    }
}

/// What one source gave: its candidates, or the error that stopped it.
public struct SourceOutcome: Sendable {
    public var source: SourceConfig
    public var candidates: [Candidate]
    public var error: String?
    /// Transfer and parse time, seconds.
    public var elapsed: Double
}
