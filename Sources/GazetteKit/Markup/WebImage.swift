import Foundation

/// A picture a feed or a page names for a story: its URL (resolved) and, when the source gives
/// them, its size in pixels. Gazette never fetches it; the reader's mail client does.
public struct WebImage: Sendable, Equatable, Codable {
    public var url: String
    public var width: Int?
    public var height: Int?

    public init(url: String, width: Int? = nil, height: Int? = nil) {
        self.url = url
        self.width = width.flatMap { $0 > 0 ? $0 : nil }
        self.height = height.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Too small to be a story's picture (a tracking pixel, an icon), by the size the source gives.
    public var isTiny: Bool { (width.map { $0 < 100 } ?? false) || (height.map { $0 < 60 } ?? false) }

    /// Whether a media item is a picture: its MIME type says so, or, with no type, its path ends
    /// like a picture file.
    static func isImage(type: String?, url: String) -> Bool {
        if let type = type?.lowercased(), !type.isEmpty { return type.hasPrefix("image/") }
        let path = (url.split(separator: "?").first ?? "").lowercased()
        return [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"].contains { path.hasSuffix($0) }
    }

    /// A size attribute's value (`600`, `600px`); nil for percentages and anything else.
    static func pixels(_ raw: String?) -> Int? {
        guard var text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.lowercased().hasSuffix("px") { text.removeLast(2) }
        return Int(text).flatMap { $0 > 0 && $0 < 100_000 ? $0 : nil }
    }
}
