import Foundation

/// Finds the feeds an HTML page announces with `<link rel="alternate" type="...">`.
public enum FeedDiscovery {
    /// A feed a page links to.
    public struct Link: Sendable, Equatable {
        /// Resolved against `<base href>`, then the page's URL.
        public var url: String
        /// The declared MIME type, lower-cased (`application/rss+xml`).
        public var type: String
        public var title: String?
    }

    static let feedTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
        "application/json", "text/xml", "application/xml",
    ]

    /// The announced feeds in document order, URLs resolved against `<base href>` and then `pageURL`.
    public static func feeds(inHTML data: Data, pageURL: String?) -> [Link] {
        guard let tree = HTMLTree(utf8: [UInt8](data), url: pageURL, encoding: nil), let root = tree.root else { return [] }
        var base = pageURL
        if let baseElement = root.firstDescendant(where: { $0.isNamed("base") }), let href = baseElement.attribute("href") {
            base = WebLink.resolve(href, against: pageURL)
        }
        var links: [Link] = []
        root.forEachDescendant { element in
            guard element.isNamed("link"),
                  let rel = element.attribute("rel")?.lowercased().split(separator: " "), rel.contains("alternate"),
                  let type = element.attribute("type")?.lowercased().trimmed,
                  feedTypes.contains(type),
                  let href = element.attribute("href")?.trimmed, !href.isEmpty
            else { return }
            let url = WebLink.resolve(href, against: base)
            guard !links.contains(where: { $0.url == url }) else { return }
            links.append(Link(url: url, type: type, title: element.attribute("title")))
        }
        return links
    }
}
