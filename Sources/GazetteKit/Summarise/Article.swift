import Foundation

/// An article page turned into what a digest needs: metadata, body paragraphs, lead, and the
/// page's own feed of short timed items.
public struct Article: Sendable, Equatable, Codable {
    /// The URL the page was fetched from (the base for its links); nil when not given.
    public var url: String?
    /// The headline: JSON-LD `headline`, `og:title`, `<h1>`, else `<title>` without the site name.
    public var title: String?
    /// From `<link rel=canonical>`, `og:url` or JSON-LD, resolved; nil when the page names none.
    public var canonicalURL: String?
    /// The publication's name (`og:site_name`, JSON-LD publisher); nil when not given.
    public var siteName: String?
    public var authors: [String] = []
    /// From the page's metadata (JSON-LD, OpenGraph, `<meta>`, `<time>`); nil when it gives none.
    public var published: Date?
    /// Last modified, from the same metadata; nil when not given.
    public var modified: Date?
    /// The page's own summary (JSON-LD, OpenGraph, `<meta>`); the lead's fallback.
    public var description: String?
    /// The lead picture the page's metadata names (`og:image`, `twitter:image`, JSON-LD `image`),
    /// resolved, with `og:image:width`/`height` when given.
    public var image: WebImage?
    /// Language tag from `<html lang>` or the metadata, as written.
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
    /// The time as the page shows it ("10:42"), not parsed.
    public var time: String?
    public var headline: String
    /// The sentence or two under the headline; nil when there is none.
    public var text: String?
    /// The item's own link, resolved; nil when it has none.
    public var link: String?

    public init(time: String?, headline: String, text: String?, link: String?) {
        self.time = time
        self.headline = headline
        self.text = text
        self.link = link
    }
}
