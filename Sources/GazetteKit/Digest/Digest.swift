import Foundation

/// One edition of the newsletter, as every subscriber gets it before personalisation.
public struct Digest: Sendable, Equatable, Codable {
    public var title: String
    /// The edition's identity: the list id plus the date in the configured zone.
    public var editionID: String
    /// The moment the edition was built; its day in `timeZone` is the one in `editionID`.
    public var editionDate: Date
    /// IANA zone the edition date and item times are shown in.
    public var timeZone: TimeZone
    /// A sentence under the title; also the hidden preheader when `preheader` is nil.
    public var intro: String?
    /// The inbox preview line; defaults to the first headlines.
    public var preheader: String?
    /// BCP 47 language tag for `lang`; text direction is derived from it.
    public var language: String
    public var sections: [DigestSection]
    public var footer: DigestFooter
    /// Which stories show their picture; nil (editions saved before pictures) means `lead`.
    public var images: ImagePlacement?

    public init(title: String, editionID: String, editionDate: Date, timeZone: TimeZone = .current,
                intro: String? = nil, preheader: String? = nil, language: String = "en",
                sections: [DigestSection], footer: DigestFooter = DigestFooter(), images: ImagePlacement = .lead) {
        self.title = title
        self.editionID = editionID
        self.editionDate = editionDate
        self.timeZone = timeZone
        self.intro = intro
        self.preheader = preheader
        self.language = language
        self.sections = sections
        self.footer = footer
        self.images = images
    }

    /// Items in all sections.
    public var itemCount: Int { sections.reduce(0) { $0 + $1.items.count } }

    /// The digest restricted to the sections a recipient wants (all when they chose none).
    public func restricted(to recipient: Recipient) -> Digest {
        guard !recipient.sections.isEmpty else { return self }
        var copy = self
        copy.sections = sections.filter { recipient.wants(section: $0.name) }
        return copy
    }
}

/// A named group of items ("World", "Science").
public struct DigestSection: Sendable, Equatable, Codable {
    public var name: String
    public var items: [DigestItem]

    public init(name: String, items: [DigestItem]) {
        self.name = name
        self.items = items
    }
}

/// One story: headline, where it came from and its lead.
public struct DigestItem: Sendable, Equatable, Codable {
    public var headline: String
    /// The story's page; only an absolute http(s) URL becomes a link when rendered.
    public var link: String?
    /// Shown under the headline: the configured name, else the feed's title or the page's site name.
    public var sourceName: String?
    /// When published; nil without a date, the first-seen time when the date was not plausible.
    public var published: Date?
    /// Lead paragraphs, plain text.
    public var lead: [String]
    public var image: DigestImage?
    /// The page's own short timed items ("News Feed"), when it had some.
    public var feedItems: [PageFeedItem]
    /// Identities the item is known by (guid, canonical link, content hash); recorded as seen
    /// once the edition has gone out.
    public var keys: [String] = []
    /// Other outlets' items about the same story ("Also in"); nil or empty when none.
    public var alsoIn: [DigestMention]?

    public init(headline: String, link: String? = nil, sourceName: String? = nil, published: Date? = nil,
                lead: [String] = [], image: DigestImage? = nil, feedItems: [PageFeedItem] = []) {
        self.headline = headline
        self.link = link
        self.sourceName = sourceName
        self.published = published
        self.lead = lead
        self.image = image
        self.feedItems = feedItems
    }
}

/// Another outlet's item about the same story, shown under the chosen one as "Also in".
public struct DigestMention: Sendable, Equatable, Codable {
    public var sourceName: String?
    public var headline: String
    public var link: String?

    public init(sourceName: String?, headline: String, link: String?) {
        self.sourceName = sourceName
        self.headline = headline
        self.link = link
    }
}

/// An item's picture: where it is, its alternative text (the headline), and its size in pixels
/// as the source gave it (the layout scales it to the column, keeping its proportions).
public struct DigestImage: Sendable, Equatable, Codable {
    public var url: String
    public var alt: String
    /// The picture's width; 600 when the source did not say.
    public var width: Int
    /// The picture's height, when the source gave it with the width.
    public var height: Int?

    public init(url: String, alt: String, width: Int = 600, height: Int? = nil) {
        self.url = url
        self.alt = alt
        self.width = width
        self.height = height
    }

    public init(_ image: WebImage, alt: String) {
        self.init(url: image.url, alt: alt, width: image.width ?? 600, height: image.width == nil ? nil : image.height)
    }
}

/// What the bottom of every message says.
public struct DigestFooter: Sendable, Equatable, Codable {
    /// Who sends this and why the reader gets it.
    public var text: String?
    /// Postal address or other sender identification.
    public var address: String?
    /// Sources that have failed on several consecutive runs (shown to the list owner when enabled).
    public var failingSources: [String]
    /// The web copy of the edition, linked from "N more stories" when items had to be cut.
    public var webURL: String?
    /// Set on the web copy only: where readers subscribe (the copy carries no reader's links).
    public var subscribeURL: String?

    public init(text: String? = nil, address: String? = nil, failingSources: [String] = [], webURL: String? = nil) {
        self.text = text
        self.address = address
        self.failingSources = failingSources
        self.webURL = webURL
    }
}
