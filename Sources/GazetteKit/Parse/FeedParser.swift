import Foundation

/// Reads any feed Gazette supports from raw bytes: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0/0.3, JSON Feed.
/// The format comes from the document's root, never from its first bytes.
public struct FeedParser: Sendable {
    public init() {}

    /// - Parameters:
    ///   - data: the document as fetched.
    ///   - url: where it came from; the base for relative URLs when the document has no `xml:base`.
    ///   - httpCharset: the `charset` of the HTTP `Content-Type`, which outranks the XML declaration.
    ///   - source: how to name the document in errors (a path or URL).
    /// - Returns: what could be read; an ill-formed document yields what recovery found.
    /// - Throws: `FeedParseError` only when reading would be unsafe or the JSON is unusable.
    public func parse(_ data: Data, url: String? = nil, httpCharset: String? = nil,
                      source: String? = nil) throws(FeedParseError) -> Feed {
        let name = source ?? url ?? "feed"
        if Self.looksLikeJSON(data) {
            return try JSONFeedReader(source: name, baseURL: url).read(data)
        }
        let prepared = try XMLPreparer.prepare(data, httpCharset: httpCharset, source: name)
        guard let tree = XMLTree(utf8: prepared.bytes, url: url) else {
            var empty = Feed()
            empty.warnings = prepared.warnings + ["nothing recoverable"]
            return empty
        }
        var feed = XMLFeedReader(tree: tree).read()
        feed.warnings = prepared.warnings + feed.warnings
        return feed
    }

    private static func looksLikeJSON(_ data: Data) -> Bool {
        for byte in data.prefix(1024) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue
            case UInt8(ascii: "{"): return true
            default: return false
            }
        }
        return false
    }
}
