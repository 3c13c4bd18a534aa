import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/).
struct JSONFeedReader {
    let source: String
    let baseURL: String?

    func read(_ data: Data) throws(FeedParseError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .invalidJSON(source: source, reason: Self.reason(error))
        }
        guard let root = object as? [String: Any] else {
            throw .invalidJSON(source: source, reason: "the top level is not an object")
        }
        let version = root["version"] as? String ?? ""
        guard version.contains("jsonfeed.org/version/") || root["items"] is [Any] else {
            throw .invalidJSON(source: source, reason: "no 'version' naming jsonfeed.org and no 'items' array")
        }
        var feed = Feed()
        feed.format = .jsonFeed
        let base = string(root["feed_url"]) ?? baseURL
        feed.title = string(root["title"]).map { FeedText($0, isHTML: false) }
        feed.link = string(root["home_page_url"]).map { WebLink.resolve($0, against: base) }
        feed.description = string(root["description"]).map { FeedText($0, isHTML: false) }
        feed.language = string(root["language"])
        feed.icon = (string(root["icon"]) ?? string(root["favicon"])).map { WebLink.resolve($0, against: base) }
        let items = root["items"] as? [Any] ?? []
        for (index, item) in items.enumerated() {
            guard let item = item as? [String: Any] else {
                feed.warnings.append("items[\(index)] is not an object; skipped")
                continue
            }
            feed.entries.append(entry(item, base: base))
        }
        return feed
    }

    private func entry(_ item: [String: Any], base: String?) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = string(item["id"]) ?? (item["id"] as? NSNumber)?.stringValue
        entry.link = (string(item["url"]) ?? string(item["external_url"])).map { WebLink.resolve($0, against: base) }
        entry.title = string(item["title"]).map { FeedText($0, isHTML: false) }
        if let html = string(item["content_html"]) {
            entry.content = FeedText(HTMLText.normalizedFragment(html, base: entry.link ?? base), isHTML: true)
        } else if let text = string(item["content_text"]) {
            entry.content = FeedText(text, isHTML: false)
        }
        entry.summary = string(item["summary"]).map { FeedText($0, isHTML: false) }
        entry.published = string(item["date_published"]).flatMap(Timestamp.parse)
        entry.updated = string(item["date_modified"]).flatMap(Timestamp.parse)
        entry.image = (string(item["image"]) ?? string(item["banner_image"])).map { WebLink.resolve($0, against: base) }
        let authors = (item["authors"] as? [Any]) ?? (item["author"].map { [$0] } ?? [])
        if let first = authors.first as? [String: Any] {
            entry.author = FeedAuthor(name: string(first["name"]), email: nil, uri: string(first["url"]))
        }
        entry.categories = (item["tags"] as? [Any] ?? []).compactMap { string($0) }
        for attachment in item["attachments"] as? [Any] ?? [] {
            guard let attachment = attachment as? [String: Any], let url = string(attachment["url"]) else { continue }
            entry.enclosures.append(FeedEnclosure(url: WebLink.resolve(url, against: base),
                                                  type: string(attachment["mime_type"]),
                                                  length: (attachment["size_in_bytes"] as? NSNumber)?.intValue))
        }
        return entry
    }

    private func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func reason(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
