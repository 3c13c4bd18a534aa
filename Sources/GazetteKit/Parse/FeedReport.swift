import Foundation

/// The JSON shape `gazette feed` prints (the contract of `shared/bench/feed_eval.py`).
public struct FeedReport: Encodable {
    struct Text: Encodable {
        let value: String
        let type: String
    }

    struct FeedPart: Encodable {
        var format: String?
        var title: String?
        var title_type: String?
        var link: String?
        var description: String?
        var language: String?
        var updated: String?
        var icon: String?
    }

    struct EntryPart: Encodable {
        var title: String?
        var title_type: String?
        var link: String?
        var id: String?
        var published: String?
        var updated: String?
        var summary: String?
        var summary_type: String?
        var content: String?
        var content_type: String?
        var author: Author?
        var categories: [String]
        var enclosures: [Enclosure]
    }

    struct Author: Encodable {
        var name: String?
        var email: String?
    }

    struct Enclosure: Encodable {
        var url: String
        var type: String?
        var length: Int?
    }

    var file: String?
    var feed: FeedPart
    var entries: [EntryPart]
    var warnings: [String]?
    var error: String?

    public init(_ feed: Feed, file: String? = nil) {
        self.file = file
        self.feed = FeedPart(format: feed.format.rawValue, title: feed.title?.value, title_type: feed.title.map(Self.type),
                             link: feed.link, description: feed.description?.value, language: feed.language,
                             updated: feed.updated.map(FeedDate.rfc3339), icon: feed.icon)
        entries = feed.entries.map { entry in
            EntryPart(title: entry.title?.value, title_type: entry.title.map(Self.type), link: entry.link, id: entry.id,
                      published: entry.published.map(FeedDate.rfc3339), updated: entry.updated.map(FeedDate.rfc3339),
                      summary: entry.summary?.value, summary_type: entry.summary.map(Self.type),
                      content: entry.content?.value, content_type: entry.content.map(Self.type),
                      author: entry.author.map { Author(name: $0.name, email: $0.email) },
                      categories: entry.categories,
                      enclosures: entry.enclosures.map { Enclosure(url: $0.url, type: $0.type, length: $0.length) })
        }
        warnings = feed.warnings.isEmpty ? nil : feed.warnings
    }

    /// The report for a document that could not be read at all.
    public init(error: String, file: String? = nil) {
        self.file = file
        feed = FeedPart()
        entries = []
        self.error = error
    }

    private static func type(_ text: FeedText) -> String { text.isHTML ? "html" : "text" }

    /// True for the report of an unreadable document.
    public var isError: Bool { error != nil }

    /// One line of JSON.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"feed": {}, "entries": []}"#
    }
}
