import Foundation
import GazetteKit

/// The JSON `gazette feed` prints: the shape `shared/bench/feed_eval.py` reads, plus the feed's
/// other fields (format, description, language, updated, icon, categories, warnings).
struct FeedReport: Sendable {
    /// One line of JSON, as UTF-8 bytes.
    let jsonBytes: [UInt8]
    /// One line of JSON.
    var jsonLine: String { String(decoding: jsonBytes, as: UTF8.self) }
    /// The error of an unreadable document.
    let errorMessage: String?
    /// True for the report of an unreadable document.
    var isError: Bool { errorMessage != nil }
    /// Set when the document was read but is not a feed (see `Feed.notAFeedReason`).
    let notAFeedReason: String?

    init(_ feed: Feed, file: String? = nil) {
        var json = JSON.Writer()
        json.beginObject()
        json.string("file", file)
        json.beginObject("feed")
        json.string("format", feed.format.rawValue)
        Self.text(feed.title, key: "title", into: &json)
        json.string("link", feed.link)
        Self.text(feed.description, key: "description", into: &json)
        json.string("language", feed.language)
        json.string("updated", feed.updated.map(Timestamp.rfc3339))
        json.string("icon", feed.icon)
        json.endObject()
        json.beginArray("entries")
        for entry in feed.entries {
            json.beginObject()
            Self.text(entry.title, key: "title", into: &json)
            json.string("link", entry.link)
            json.string("id", entry.id)
            json.string("published", entry.published.map(Timestamp.rfc3339))
            json.string("updated", entry.updated.map(Timestamp.rfc3339))
            Self.text(entry.summary, key: "summary", into: &json)
            Self.text(entry.content, key: "content", into: &json)
            if let author = entry.author {
                json.beginObject("author")
                json.string("name", author.name)
                json.string("email", author.email)
                json.endObject()
            }
            json.beginArray("categories")
            for category in entry.categories { json.string(nil, category) }
            json.endArray()
            json.beginArray("enclosures")
            for enclosure in entry.enclosures {
                json.beginObject()
                json.string("url", enclosure.url)
                json.string("type", enclosure.type)
                json.int("length", enclosure.length)
                json.endObject()
            }
            json.endArray()
            json.string("image", entry.image?.url)
            json.endObject()
        }
        json.endArray()
        if !feed.warnings.isEmpty {
            json.beginArray("warnings")
            for warning in feed.warnings { json.string(nil, warning) }
            json.endArray()
        }
        json.endObject()
        jsonBytes = json.bytes
        errorMessage = nil
        notAFeedReason = feed.notAFeedReason
    }

    /// The report for a document that could not be read at all: an empty feed and the error.
    init(error: String, file: String? = nil) {
        var json = JSON.Writer()
        json.beginObject()
        json.string("file", file)
        json.beginObject("feed")
        json.endObject()
        json.beginArray("entries")
        json.endArray()
        json.string("error", error)
        json.endObject()
        jsonBytes = json.bytes
        errorMessage = error
        notAFeedReason = nil
    }

    private static func text(_ text: FeedText?, key: String, into json: inout JSON.Writer) {
        guard let text else { return }
        json.string(key, text.value)
        json.string(key + "_type", text.isHTML ? "html" : "text")
    }
}
