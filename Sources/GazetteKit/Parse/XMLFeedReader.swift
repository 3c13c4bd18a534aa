import Foundation

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 from a parsed tree into a `Feed`.
struct XMLFeedReader {
    let tree: XMLTree
    /// The root's namespace URI: a feed in an unknown namespace still uses its own vocabulary.
    private let rootNamespace: String?

    init(tree: XMLTree) {
        self.tree = tree
        rootNamespace = tree.root?.namespaceURI
    }

    /// Whether a child belongs to the feed format's own vocabulary.
    private func isCore(_ element: XMLElement, _ ns: XMLNamespace) -> Bool {
        ns.isCore || (ns == .other && element.namespaceURI == rootNamespace)
    }

    func read() -> Feed {
        var feed = Feed()
        guard let root = tree.root else { return feed }
        let (namespace, local) = root.name
        switch local {
        case "rss":
            let version = root.attribute("version")?.trimmed ?? ""
            feed.format = version.hasPrefix("2") ? .rss20 : version.hasPrefix("0.9") ? .rss09x : .rssUnversioned
            readRSS(channelOwner: root, into: &feed)
        case "rdf":
            let channel = root.children.first { $0.localName == "channel" }
            feed.format = channel?.name.namespace == .rss090 ? .rss090 : .rss10
            readRSS(channelOwner: root, into: &feed)
        case "channel":
            feed.format = .rssUnversioned
            readRSS(channel: root, items: root.children.filter { $0.localName == "item" }, into: &feed)
        case "feed":
            let version = root.attribute("version") ?? ""
            feed.format = namespace == .atom10 ? .atom10 : (namespace == .atom03 || version == "0.3") ? .atom03 : .atomUnversioned
            readAtom(root, into: &feed)
        default:
            feed.warnings.append(local.lowercased() == "html" ? "root element <html> is not a feed: an HTML page"
                                 : "root element <\(local)> is not a feed")
        }
        return feed
    }

    // MARK: RSS

    private func readRSS(channelOwner root: XMLElement, into feed: inout Feed) {
        let children = root.children
        let channel = children.first { $0.localName == "channel" }
        var items = channel?.children.filter { $0.localName == "item" && isCore($0, $0.name.namespace) } ?? []
        items += children.filter { $0.localName == "item" && isCore($0, $0.name.namespace) }
        readRSS(channel: channel, items: items, into: &feed)
    }

    private func readRSS(channel: XMLElement?, items: [XMLElement], into feed: inout Feed) {
        var dcTitle: FeedText?
        defer { feed.title = feed.title ?? dcTitle }
        if let channel {
            for child in channel.children {
                let (ns, local) = child.name
                switch (isCore(child, ns), ns, local) {
                case (true, _, "title"): feed.title = rssText(child) ?? feed.title
                case (_, .dc, "title"): dcTitle = dcTitle ?? rssText(child)
                case (true, _, "link"): feed.link = feed.link ?? nonEmpty(WebLink.resolve(child.text, against: child.base))
                case (_, .atom10, "link"): feed.link = feed.link ?? atomAlternateLink([child])
                case (true, _, "description"): feed.description = feed.description ?? rssText(child)
                case (true, _, "language"), (_, .dc, "language"): feed.language = feed.language ?? nonEmpty(child.text)
                case (true, _, "lastbuilddate"), (_, .dc, "date"), (_, .dcterms, "modified"):
                    feed.updated = feed.updated ?? Timestamp.parse(child.text)
                case (true, _, "image"):
                    let url = child.children.first { $0.localName == "url" }
                    feed.icon = feed.icon ?? url.flatMap { nonEmpty(WebLink.resolve($0.text, against: $0.base)) }
                default: break
                }
            }
        }
        feed.entries = items.map(readRSSItem)
    }

    private func readRSSItem(_ item: XMLElement) -> FeedEntry {
        var entry = FeedEntry()
        var guidLink: String?
        var atomLinks: [XMLElement] = []
        var dcTitle: FeedText?, dcDescription: FeedText?
        for child in item.children {
            let (ns, local) = child.name
            switch (isCore(child, ns), ns, local) {
            case (true, _, "title"): entry.title = entry.title ?? rssText(child)
            case (_, .dc, "title"): dcTitle = dcTitle ?? rssText(child)
            case (true, _, "link"): entry.link = entry.link ?? nonEmpty(WebLink.resolve(child.text, against: child.base))
            case (_, .atom10, "link"): atomLinks.append(child)
            case (true, _, "guid"):
                guard entry.id == nil, let id = nonEmpty(child.text) else { break }
                entry.id = id
                if child.attribute("isPermaLink")?.lowercased() != "false" {
                    // A permalink guid is the link only when it really is a URL.
                    let resolved = WebLink.resolve(id, against: child.base)
                    if let url = URLComponents(string: resolved), url.scheme != nil, url.host?.isEmpty == false {
                        guidLink = resolved
                    }
                }
            case (true, _, "description"): entry.summary = entry.summary ?? htmlText(child, allowInlineXHTML: true)
            case (_, .dc, "description"): dcDescription = dcDescription ?? htmlText(child, allowInlineXHTML: true)
            case (_, .content, "encoded"): entry.content = entry.content ?? htmlText(child, allowInlineXHTML: true)
            case (_, .xhtml, "body"), (true, _, "body"): entry.content = entry.content ?? xhtmlText(child)
            case (true, _, "pubdate"), (_, .dcterms, "issued"), (_, .atom10, "published"):
                entry.published = entry.published ?? Timestamp.parse(child.text)
            case (_, .dc, "date"), (_, .dcterms, "modified"), (_, .atom10, "updated"):
                entry.updated = entry.updated ?? Timestamp.parse(child.text)
            case (true, _, "author"), (_, .dc, "creator"), (_, .dc, "author"):
                entry.author = entry.author ?? Self.author(fromText: child.text)
            case (_, .atom10, "author"):
                entry.author = entry.author ?? atomPerson(child)
            case (true, _, "category"), (_, .dc, "subject"):
                if let term = nonEmpty(child.text) { entry.categories.append(term) }
            case (_, .media, _): entry.image = mediaImage(child, better: entry.image)
            case (true, _, "enclosure"):
                if let url = child.attribute("url").flatMap(nonEmpty) {
                    entry.enclosures.append(FeedEnclosure(url: WebLink.resolve(url, against: child.base),
                                                          type: child.attribute("type").flatMap(nonEmpty),
                                                          length: child.attribute("length").flatMap { Int($0.trimmed) }))
                }
            default: break
            }
        }
        entry.title = entry.title ?? dcTitle
        entry.summary = entry.summary ?? dcDescription
        if entry.link == nil { entry.link = atomAlternateLink(atomLinks) ?? guidLink }
        if entry.id == nil { entry.id = item.attribute("about").flatMap(nonEmpty) }
        return entry
    }

    /// A Media RSS element's picture if it beats `current`: `media:content` that is an image (by
    /// `medium` or `type`) over `media:thumbnail`, the wider over the narrower; `media:group` is
    /// looked into.
    private func mediaImage(_ element: XMLElement, better current: WebImage?) -> WebImage? {
        let (_, local) = element.name
        if local == "group" {
            var best = current
            for child in element.children where child.name.0 == .media { best = mediaImage(child, better: best) }
            return best
        }
        guard local == "content" || local == "thumbnail", let raw = element.attribute("url").flatMap(nonEmpty) else { return current }
        if local == "content" {
            let medium = element.attribute("medium")?.lowercased(), type = element.attribute("type")?.lowercased()
            guard medium == "image" || (medium == nil && WebImage.isImage(type: type, url: raw)) else {
                return current
            }
        }
        let image = WebImage(url: WebLink.resolve(raw, against: element.base), width: WebImage.pixels(element.attribute("width")),
                             height: WebImage.pixels(element.attribute("height")))
        guard !image.isTiny else { return current }
        guard let current else { return image }
        return (image.width ?? 0) > (current.width ?? 0) ? image : current
    }

    /// RSS text has no type: it is HTML when it looks like HTML.
    private func rssText(_ element: XMLElement) -> FeedText? {
        let value = element.text.trimmed
        guard !value.isEmpty else { return nil }
        return FeedText(value, isHTML: HTMLText.looksLikeHTML(value))
    }

    /// An element holding escaped HTML, relative URLs inside resolved against its base.
    /// RSS modules sometimes carry inline XHTML instead of escaped HTML (`allowInlineXHTML`).
    private func htmlText(_ element: XMLElement, allowInlineXHTML: Bool = false) -> FeedText? {
        if allowInlineXHTML, element.children.contains(where: { $0.name.namespace == .xhtml }) { return xhtmlText(element) }
        let value = element.text.trimmed
        guard !value.isEmpty else { return nil }
        return FeedText(HTMLText.normalizedFragment(value, base: element.base), isHTML: true)
    }

    /// Inline XHTML: the markup itself, a wrapping `div` dropped, URLs resolved in the tree.
    private func xhtmlText(_ element: XMLElement) -> FeedText? {
        var container = element
        let elements = element.children
        if elements.count == 1, elements[0].localName == "div", !hasText(outside: elements[0], in: element) {
            container = elements[0]
        }
        resolveURLs(under: container)
        let value = container.innerXML.trimmed
        return value.isEmpty ? nil : FeedText(value, isHTML: true)
    }

    private func hasText(outside child: XMLElement, in parent: XMLElement) -> Bool {
        parent.hasText(besides: child)
    }

    private func resolveURLs(under element: XMLElement) {
        for child in element.children {
            for attribute in HTMLVocabulary.urlAttributes {
                guard let value = child.attribute(attribute) else { continue }
                let resolved = WebLink.resolve(value, against: child.base)
                if resolved != value { child.setAttribute(attribute, resolved) }
            }
            resolveURLs(under: child)
        }
    }

    /// `"jo@example.org (Jo Smith)"`, `"Jo Smith <jo@example.org>"`, either way round, an address or a name.
    static func author(fromText raw: String) -> FeedAuthor? {
        let text = raw.collapsingWhitespace
        guard !text.isEmpty else { return nil }
        for (open, close) in [(Character("("), Character(")")), (Character("<"), Character(">"))] {
            guard let start = text.firstIndex(of: open), let end = text.lastIndex(of: close), start < end else { continue }
            let inside = text[text.index(after: start)..<end].trimmed
            let outside = (text[..<start] + text[text.index(after: end)...]).trimmingCharacters(in: CharacterSet(charactersIn: " \""))
            let (name, email) = inside.contains("@") && !outside.contains("@") ? (outside, inside) : (inside, outside)
            return FeedAuthor(name: name.isEmpty ? nil : name, email: email.contains("@") ? email : nil)
        }
        if text.contains("@"), !text.contains(" ") { return FeedAuthor(name: nil, email: text) }
        return FeedAuthor(name: text, email: nil)
    }

    // MARK: Atom

    private func readAtom(_ root: XMLElement, into feed: inout Feed) {
        var links: [XMLElement] = []
        for child in root.children {
            let (ns, local) = child.name
            switch (isCore(child, ns), ns, local) {
            case (true, _, "title"): feed.title = feed.title ?? atomText(child)
            case (true, _, "link"): links.append(child)
            case (true, _, "subtitle"), (true, _, "tagline"): feed.description = feed.description ?? atomText(child)
            case (true, _, "updated"), (true, _, "modified"): feed.updated = feed.updated ?? Timestamp.parse(child.text)
            case (true, _, "icon"), (true, _, "logo"):
                feed.icon = feed.icon ?? nonEmpty(WebLink.resolve(child.text, against: child.base))
            case (true, _, "entry"): feed.entries.append(readAtomEntry(child))
            default: break
            }
        }
        feed.link = atomAlternateLink(links)
        feed.language = root.attribute("lang").flatMap(nonEmpty)
    }

    private func readAtomEntry(_ element: XMLElement) -> FeedEntry {
        var entry = FeedEntry()
        var links: [XMLElement] = []
        for child in element.children {
            let (ns, local) = child.name
            switch (isCore(child, ns), ns, local) {
            case (true, _, "title"): entry.title = entry.title ?? atomText(child)
            case (true, _, "link"):
                links.append(child)
                if child.attribute("rel")?.lowercased() == "enclosure", let href = child.attribute("href").flatMap(nonEmpty) {
                    entry.enclosures.append(FeedEnclosure(url: WebLink.resolve(href, against: child.base),
                                                          type: child.attribute("type").flatMap(nonEmpty),
                                                          length: child.attribute("length").flatMap { Int($0.trimmed) }))
                }
            case (true, _, "id"): entry.id = entry.id ?? nonEmpty(child.text)
            case (_, .media, _): entry.image = mediaImage(child, better: entry.image)
            case (true, _, "published"), (true, _, "issued"):
                entry.published = Timestamp.parse(child.text) ?? entry.published  // a repeated element overrides
            case (_, .dcterms, "issued"): entry.published = entry.published ?? Timestamp.parse(child.text)
            case (true, _, "updated"), (true, _, "modified"):
                entry.updated = Timestamp.parse(child.text) ?? entry.updated
            case (_, .dc, "date"), (_, .dcterms, "modified"): entry.updated = entry.updated ?? Timestamp.parse(child.text)
            case (true, _, "summary"): entry.summary = entry.summary ?? atomText(child)
            case (true, _, "content"): entry.content = entry.content ?? atomText(child)
            case (true, _, "author"): entry.author = entry.author ?? atomPerson(child)
            case (_, .dc, "creator"): entry.author = entry.author ?? Self.author(fromText: child.text)
            case (true, _, "category"):
                if let term = (child.attribute("term") ?? child.attribute("label")).flatMap(nonEmpty) { entry.categories.append(term) }
            case (_, .dc, "subject"):
                if let term = nonEmpty(child.text) { entry.categories.append(term) }
            default: break
            }
        }
        entry.link = atomAlternateLink(links)
        return entry
    }

    /// The entry's web page: an `alternate` link (the default rel), HTML preferred.
    private func atomAlternateLink(_ links: [XMLElement]) -> String? {
        let alternates = links.filter {
            let rel = $0.attribute("rel")?.trimmed.lowercased() ?? ""
            return rel.isEmpty || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
        }
        let html = alternates.first {
            let type = $0.attribute("type")?.lowercased() ?? ""
            return type.isEmpty || type == "text/html" || type == "application/xhtml+xml"
        }
        guard let link = html ?? alternates.first, let href = link.attribute("href").flatMap(nonEmpty) else { return nil }
        return WebLink.resolve(href, against: link.base)
    }

    private func atomPerson(_ element: XMLElement) -> FeedAuthor? {
        var author = FeedAuthor()
        for child in element.children {
            switch child.localName {
            case "name": author.name = author.name ?? nonEmpty(child.text.collapsingWhitespace)
            case "email": author.email = author.email ?? nonEmpty(child.text)
            case "uri", "url": author.uri = author.uri ?? nonEmpty(WebLink.resolve(child.text, against: child.base))
            default: break
            }
        }
        if author.name == nil, author.email == nil, element.children.isEmpty {
            return Self.author(fromText: element.text)
        }
        return author.name == nil && author.email == nil && author.uri == nil ? nil : author
    }

    /// An Atom text construct (1.0 `type`, 0.3 `type` + `mode`).
    private func atomText(_ element: XMLElement) -> FeedText? {
        let type = element.attribute("type")?.trimmed.lowercased() ?? "text"
        let mode = element.attribute("mode")?.trimmed.lowercased()
        let htmlType = type == "html" || type == "text/html"
        let xhtmlType = type == "xhtml" || type == "application/xhtml+xml"
        if mode == "base64" {
            let decoded = Data(base64Encoded: element.text.filter { !$0.isWhitespace }).map { String(decoding: $0, as: UTF8.self) }
            guard let decoded, !decoded.isEmpty else { return nil }
            guard htmlType || xhtmlType else { return FeedText(decoded, isHTML: false) }
            return FeedText(HTMLText.normalizedFragment(decoded, base: element.base), isHTML: true)
        }
        if xhtmlType, mode != "escaped" { return xhtmlText(element) }
        if htmlType || xhtmlType { return htmlText(element) }
        if mode == "xml" || mode == nil, element.children.contains(where: { $0.name.namespace == .xhtml }) {
            return xhtmlText(element)
        }
        let value = element.text.trimmed
        return value.isEmpty ? nil : FeedText(value, isHTML: false)
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}
