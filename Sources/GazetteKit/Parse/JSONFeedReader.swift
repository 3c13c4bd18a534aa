import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/).
struct JSONFeedReader {
    let source: String
    let baseURL: String?

    func read(_ data: Data) throws(FeedParseError) -> Feed {
        let object: JSONValue
        do {
            object = try JSON.parse(data)
        } catch {
            throw .invalidJSON(source: source, reason: error.description)
        }
        guard case .object(let root) = object else {
            throw .invalidJSON(source: source, reason: "the top level is not an object")
        }
        let version = string(root["version"]) ?? ""
        guard version.contains("jsonfeed.org/version/") || array(root["items"]) != nil else {
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
        let items = array(root["items"]) ?? []
        for (index, item) in items.enumerated() {
            guard case .object(let item) = item else {
                feed.warnings.append("items[\(index)] is not an object; skipped")
                continue
            }
            feed.entries.append(entry(item, base: base))
        }
        return feed
    }

    private func entry(_ item: [String: JSONValue], base: String?) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = string(item["id"]) ?? number(item["id"]).map { $0.rounded() == $0 && abs($0) < 1e15 ? String(Int($0)) : String($0) }
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
        entry.image = (string(item["image"]) ?? string(item["banner_image"])).map { WebImage(url: WebLink.resolve($0, against: base)) }
        let authors = array(item["authors"]) ?? (item["author"].map { [$0] } ?? [])
        if case .object(let first)? = authors.first {
            entry.author = FeedAuthor(name: string(first["name"]), email: nil, uri: string(first["url"]))
        }
        entry.categories = (array(item["tags"]) ?? []).compactMap { string($0) }
        for attachment in array(item["attachments"]) ?? [] {
            guard case .object(let attachment) = attachment, let url = string(attachment["url"]) else { continue }
            entry.enclosures.append(FeedEnclosure(url: WebLink.resolve(url, against: base),
                                                  type: string(attachment["mime_type"]),
                                                  length: number(attachment["size_in_bytes"]).flatMap { Int(exactly: $0.rounded(.towardZero)) }))
        }
        return entry
    }

    private func string(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    private func number(_ value: JSONValue?) -> Double? {
        guard case .number(let number)? = value else { return nil }
        return number
    }

    private func array(_ value: JSONValue?) -> [JSONValue]? {
        guard case .array(let values)? = value else { return nil }
        return values
    }
}
