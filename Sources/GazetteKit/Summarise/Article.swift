import Foundation

/// An article page turned into what a digest needs: metadata, body paragraphs, lead, and the
/// page's own feed of short timed items.
public struct Article: Sendable, Equatable, Codable {
    public var url: String?
    public var title: String?
    public var canonicalURL: String?
    public var siteName: String?
    public var authors: [String] = []
    public var published: Date?
    public var modified: Date?
    public var description: String?
    public var image: String?
    public var language: String?
    /// Body paragraphs, list items and subheadings, in document order, as plain text.
    public var paragraphs: [String] = []
    /// The first real paragraphs, trimmed to the character budget at a sentence boundary.
    public var lead: [String] = []
    /// Where the lead came from.
    public var leadSource: LeadSource = .none
    /// The page's own list of short timed updates ("News Feed", "Latest"), not part of the body.
    public var feedItems: [PageFeedItem] = []

    public init() {}
}

/// Which text a lead was taken from.
public enum LeadSource: String, Sendable, Codable {
    /// Body paragraphs of the page.
    case body
    /// The page's JSON-LD or OpenGraph description.
    case description
    /// Nothing usable: the digest shows the headline only.
    case none
}

/// One short timed update from a page's feed box.
public struct PageFeedItem: Sendable, Equatable, Codable {
    public var time: String?
    public var headline: String
    public var text: String?
    public var link: String?

    public init(time: String?, headline: String, text: String?, link: String?) {
        self.time = time
        self.headline = headline
        self.text = text
        self.link = link
    }
}
