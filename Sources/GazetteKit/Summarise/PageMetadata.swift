import Foundation

/// What a page says about itself: JSON-LD (`NewsArticle`, `Article`, `BlogPosting`..., also in
/// `@graph`), OpenGraph, Twitter cards, `<meta>`, `<link rel=canonical>`, `<time>`, `<title>`, `<h1>`.
struct PageMetadata {
    var jsonLDHeadline: String?
    var ogTitle: String?
    var twitterTitle: String?
    var documentTitle: String?
    var firstH1: String?
    var canonicalURL: String?
    var siteName: String?
    var authors: [String] = []
    var published: Date?
    var modified: Date?
    var jsonLDDescription: String?
    var metaDescription: String?
    var image: WebImage?
    /// Whether `image` is the `og:image`, which `og:image:width` and `og:image:height` describe.
    var imageIsOpenGraph = false
    var imageWidth: Int?
    var imageHeight: Int?

    /// The page's picture, with the Open Graph size when it is the Open Graph picture.
    var picture: WebImage? {
        guard let image, imageIsOpenGraph else { return image }
        return WebImage(url: image.url, width: image.width ?? imageWidth, height: image.height ?? imageHeight)
    }
    var language: String?
    var articleBody: String?

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "techarticle", "scholarlyarticle", "socialmediaposting",
        "liveblogposting", "posting", "report", "webpage",
    ]

    init(tree: HTMLTree, pageURL: String?) {
        guard let root = tree.root else { return }
        language = root.attribute("lang").flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
        var bestLDRank = Int.max
        root.forEachDescendant { element in
            switch element.nameValue(in: Self.tags) {
            case Self.meta:
                readMeta(element, pageURL: pageURL)
            case Self.link:
                if element.attribute("rel")?.lowercased() == "canonical", let href = element.attribute("href") {
                    canonicalURL = canonicalURL ?? WebLink.resolve(href, against: pageURL)
                }
            case Self.title:
                documentTitle = documentTitle ?? element.text.nilIfEmpty
            case Self.h1:
                firstH1 = firstH1 ?? element.text.nilIfEmpty
            case Self.time:
                if published == nil, let value = element.attribute("datetime") { published = Timestamp.parse(value) }
            case Self.script:
                guard element.attribute("type")?.lowercased().has("ld+json") == true,
                      let json = try? JSON.parse(Data(element.textContent.utf8))
                else { return }
                readJSONLD(json, pageURL: pageURL, bestRank: &bestLDRank)
            default:
                break
            }
        }
    }

    /// The elements metadata comes from, by name.
    private static let meta: UInt16 = 1, link: UInt16 = 2, title: UInt16 = 3, h1: UInt16 = 4, time: UInt16 = 5, script: UInt16 = 6
    private static let tags = WordTable([("meta", meta), ("link", link), ("title", title), ("h1", h1), ("time", time), ("script", script)])
    /// Where a `<meta>` key is read from, in order of preference (1–3), and its value (`content`, 4).
    /// The pruner reads `<meta>` tags the same way.
    static let metaAttributes = WordTable([("property", 1), ("name", 2), ("itemprop", 3), ("content", metaContent)])
    static let metaContent: UInt16 = 4

    private mutating func readMeta(_ element: HTMLElement, pageURL: String?) {
        // One pass over the attributes, borrowing their values.
        var values = [MarkupText?](repeating: nil, count: 5)
        element.forEachAttribute { name, value in
            let index = Int(name.value(in: Self.metaAttributes))
            if index > 0, values[index] == nil { values[index] = value }
        }
        guard let keyValue = values[1] ?? values[2] ?? values[3],
              let field = Self.metaFields[keyValue.string.lowercased()],
              let raw = values[4], case let content = raw.string.collapsingWhitespace, !content.isEmpty else { return }
        switch field {
        case .ogTitle: ogTitle = ogTitle ?? content
        case .twitterTitle: twitterTitle = twitterTitle ?? content
        case .siteName: siteName = siteName ?? content
        case .description: metaDescription = metaDescription ?? content
        case .image, .twitterImage:
            // The first one named, unless a later one is the https copy of a plain-http picture.
            let url = WebLink.resolve(content, against: pageURL)
            if image == nil || (image?.url.hasPrefix("http://") == true && url.hasPrefix("https://")) {
                image = WebImage(url: url)
                imageIsOpenGraph = field == .image
            }
        case .imageWidth: imageWidth = imageWidth ?? WebImage.pixels(content)
        case .imageHeight: imageHeight = imageHeight ?? WebImage.pixels(content)
        case .url: canonicalURL = canonicalURL ?? WebLink.resolve(content, against: pageURL)
        case .published: published = published ?? Timestamp.parse(content)
        case .modified: modified = modified ?? Timestamp.parse(content)
        case .author:
            if !content.hasPrefix("http"), !authors.contains(content) {
                authors.append(content.hasPrefix("By ") ? String(content.dropFirst(3)) : content)
            }
        case .language: language = language ?? content
        }
    }

    enum MetaField {
        case ogTitle, twitterTitle, siteName, description, image, twitterImage, imageWidth, imageHeight, url, published, modified, author, language
    }

    /// The `<meta>` keys metadata is read from; the pruner drops other `<meta>` tags in `<head>`.
    static var metaKeys: Dictionary<String, MetaField>.Keys { metaFields.keys }

    /// `<meta>` keys (`property`, `name` or `itemprop`, lower-cased) and what they give.
    private static let metaFields: [String: MetaField] = {
        var fields: [String: MetaField] = ["og:title": .ogTitle, "twitter:title": .twitterTitle, "og:url": .url]
        for key in ["og:site_name", "application-name"] { fields[key] = .siteName }
        for key in ["og:description", "description", "twitter:description"] { fields[key] = .description }
        for key in ["og:image", "og:image:url", "og:image:secure_url"] { fields[key] = .image }
        for key in ["twitter:image", "twitter:image:src"] { fields[key] = .twitterImage }
        fields["og:image:width"] = .imageWidth
        fields["og:image:height"] = .imageHeight
        for key in ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created"] {
            fields[key] = .published
        }
        for key in ["article:modified_time", "datemodified", "og:updated_time", "dcterms.modified"] { fields[key] = .modified }
        for key in ["author", "article:author", "byl", "dc.creator"] { fields[key] = .author }
        for key in ["og:locale", "language", "content-language"] { fields[key] = .language }
        return fields
    }()

    private mutating func readJSONLD(_ json: JSONValue, pageURL: String?, bestRank: inout Int) {
        if case .array(let items) = json {
            for item in items { readJSONLD(item, pageURL: pageURL, bestRank: &bestRank) }
            return
        }
        guard case .object(let object) = json else { return }
        if let graph = object["@graph"] { readJSONLD(graph, pageURL: pageURL, bestRank: &bestRank) }
        var types: [String] = []
        switch object["@type"] {
        case .string(let type)?: types = [type]
        case .array(let values)?: types = values.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
        default: break
        }
        let lowered = types.map { $0.lowercased() }
        if siteName == nil, lowered.contains(where: { $0 == "website" || $0 == "organization" || $0 == "newsmediaorganization" }) {
            siteName = Self.string(object["name"])
        }
        // Prefer real article types over a generic WebPage.
        guard let rank = lowered.compactMap({ $0 == "webpage" ? 1 : Self.articleTypes.contains($0) ? 0 : nil }).min(),
              rank <= bestRank else { return }
        bestRank = rank
        jsonLDHeadline = Self.string(object["headline"]) ?? Self.string(object["name"]) ?? jsonLDHeadline
        jsonLDDescription = Self.string(object["description"]) ?? jsonLDDescription
        published = Self.string(object["datePublished"]).flatMap(Timestamp.parse) ?? published
        modified = Self.string(object["dateModified"]).flatMap(Timestamp.parse) ?? modified
        // The body keeps its line breaks: they separate its paragraphs.
        if case .string(let body)? = object["articleBody"], case let trimmed = body.trimmed, trimmed.count > (articleBody?.count ?? 0) {
            articleBody = trimmed
        }
        if let imageURL = Self.url(object["image"]) {
            var size: (Int?, Int?) = (nil, nil)
            if case .object(let described)? = object["image"] { size = (Self.pixels(described["width"]), Self.pixels(described["height"])) }
            image = image ?? WebImage(url: WebLink.resolve(imageURL, against: pageURL), width: size.0, height: size.1)
        }
        if case .object(let publisher)? = object["publisher"], let name = Self.string(publisher["name"]) {
            siteName = siteName ?? name
        }
        if let language = Self.string(object["inLanguage"]) { self.language = self.language ?? language }
        var people: [JSONValue] = []
        switch object["author"] {
        case .array(let values)?: people = values
        case let value?: people = [value]
        case nil: break
        }
        let names = people.compactMap { person -> String? in
            if case .object(let fields) = person { return Self.string(fields["name"]) }
            return Self.string(person)
        }
        if !names.isEmpty { authors = names }
    }

    private static func string(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        return text.collapsingWhitespace.nilIfEmpty
    }

    /// A JSON-LD size: a number, or a string such as `"1200"` or `"1200px"`.
    private static func pixels(_ value: JSONValue?) -> Int? {
        switch value {
        case .number(let number)?: return number > 0 && number < 100_000 ? Int(number) : nil
        case .string(let text)?: return WebImage.pixels(text)
        default: return nil
        }
    }

    private static func url(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.nilIfEmpty
        case .object(let object)?: return string(object["url"]) ?? string(object["@id"])
        case .array(let values)?: return values.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }

    /// The headline: JSON-LD, then OpenGraph, then `<h1>`, then `<title>` without its site-name suffix.
    var headline: String? {
        jsonLDHeadline.map(HTMLText.decodeEntities) ?? ogTitle ?? twitterTitle ?? firstH1 ?? documentTitle.map(cleanTitle)
    }

    /// A description: JSON-LD first, then `<meta>`/OpenGraph.
    var description: String? { jsonLDDescription.map(HTMLText.decodeEntities) ?? metaDescription }

    /// "Headline | Site", "Headline - Site" and "Site: Headline" reduced to the headline.
    func cleanTitle(_ title: String) -> String {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " • "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            if let site = siteName?.lowercased() {
                let kept = parts.filter { $0.lowercased() != site }
                if kept.count < parts.count { return kept.joined(separator: separator) }
            }
            return parts.max { $0.count < $1.count } ?? title
        }
        return title
    }
}

extension String {
    /// `nil` for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension HTMLText {
    /// Entities decoded in text that should have none (JSON-LD often carries `&amp;`).
    static func decodeEntities(_ text: String) -> String {
        text.has("&") ? plainText(fromFragment: text) : text
    }
}
