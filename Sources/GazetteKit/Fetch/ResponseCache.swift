import Foundation

/// The conditional-GET cache: per URL, the validators (`ETag`, `Last-Modified`) and the body of
/// the last `200`, so that a `304` can be answered with the body it stands for.
///
/// Each URL maps to `<hash>.json` (metadata) and `<hash>.body`, both written atomically.
/// An entry whose files disagree (different URL, wrong size) is ignored, never trusted.
struct ResponseCache: Sendable {
    struct Entry: Codable, Sendable {
        var url: String
        var etag: String?
        var lastModified: String?
        var contentType: String?
        var finalURL: String
        var bodyBytes: Int
        var storedAt: Date
    }

    let directory: URL

    private func paths(for url: String) -> (meta: URL, body: URL) {
        let key = StableHash.hex(url)
        return (directory.appendingPathComponent("\(key).json"), directory.appendingPathComponent("\(key).body"))
    }

    /// The stored entry and body for `url`, if a complete one exists.
    func lookup(_ url: String) -> (Entry, Data)? {
        let (metaURL, bodyURL) = paths(for: url)
        guard let meta = try? Data(contentsOf: metaURL),
              let entry = try? JSON.decode(Entry.self, from: meta),
              entry.url == url,
              let body = try? Data(contentsOf: bodyURL), body.count == entry.bodyBytes
        else { return nil }
        return (entry, body)
    }

    /// Request headers that make the next fetch of `entry` conditional.
    static func validators(for entry: Entry) -> [String] {
        var headers: [String] = []
        if let etag = entry.etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified = entry.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
        return headers
    }

    /// Stores a `200` response that carries a validator; other responses are not cached.
    /// Body first, then metadata, so a crash in between leaves an entry that `lookup` rejects.
    func store(url: String, response: FetchResponse) {
        let etag = response.header("etag"), lastModified = response.header("last-modified")
        guard etag != nil || lastModified != nil else { return }
        let entry = Entry(url: url, etag: etag, lastModified: lastModified, contentType: response.header("content-type"),
                          finalURL: response.finalURL, bodyBytes: response.body.count, storedAt: Date())
        let (metaURL, bodyURL) = paths(for: url)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(response.body, to: bodyURL)
            try AtomicFile.write(try JSON.encode(entry), to: metaURL)
        } catch {
            // A cache that cannot be written costs a full download next time, nothing more.
        }
    }
}
