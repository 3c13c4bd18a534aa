/// General rules for telling an article's text from the page around it. Nothing here names a site.
enum BoilerplateRules {
    /// Elements whose content is never article text, dropped whatever they hold.
    static let neverTextTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "link", "meta"]

    /// Page furniture, dropped unless it holds a large share of the page's prose.
    static let droppedTags: Set<String> = [
        "canvas", "iframe", "object", "embed", "form", "button", "input", "select", "textarea", "nav", "header",
        "footer", "aside", "figcaption", "figure", "video", "audio", "picture", "map", "dialog", "menu", "label",
        "fieldset",
    ]

    /// ARIA roles of page furniture.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "form",
    ]

    /// class/id words of boilerplate containers.
    static let negativeWords: Set<String> = [
        "comment", "comments", "share", "sharing", "social", "related", "recommended", "recommendations", "newsletter",
        "newsletters", "subscribe", "subscription", "signup", "promo", "promotion", "advert", "advertisement", "ad",
        "ads", "adslot", "advertising", "sponsor", "sponsored", "cookie", "cookies", "consent", "gdpr", "banner",
        "popup", "modal", "sidebar", "breadcrumb", "breadcrumbs", "pagination", "pager", "menu", "masthead", "footer",
        "header", "nav", "navbar", "navigation", "caption", "credit", "credits", "byline", "bio", "tags", "tag",
        "toolbar", "widget", "trending", "popular", "outbrain", "taboola", "hidden", "skip", "print", "rating",
        "disclaimer", "copyright", "author", "meta", "dateline", "timestamp", "paywall", "overlay", "tooltip",
        "player", "audio", "podcast", "video", "gallery", "slideshow", "carousel", "teaser", "teasers", "more",
        "readmore", "also", "latest", "feed", "ticker", "alert", "inline", "embed", "callout", "jump", "toc",
    ]

    /// class/id words that mark article text.
    static let positiveWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog", "page",
        "prose", "richtext", "copy", "paragraph",
    ]

    /// Words whose container is removed even inside a positive one (they are never article text).
    static let alwaysDropWords: Set<String> = [
        "comment", "comments", "share", "sharing", "social", "newsletter", "newsletters", "subscribe", "subscription",
        "signup", "promo", "advert", "advertisement", "ad", "ads", "adslot", "advertising", "cookie", "cookies",
        "consent", "outbrain", "taboola", "related", "recommended", "breadcrumb", "breadcrumbs", "byline", "caption",
        "credit", "credits", "popup", "modal", "paywall", "toolbar", "sidebar", "tags",
    ]

    /// The lower-cased words of a class/id string: `article-body__text` → article, body, text, articlebody.
    static func words(_ classAndID: String) -> [String] {
        // Runs of ASCII letters and digits, lower-cased; anything else separates words.
        var words: [String] = []
        var current: [UInt8] = []
        for byte in classAndID.utf8 {
            if byte >= 0x41, byte <= 0x5A {
                current.append(byte | 0x20)
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        // camelCase and glued names: keep the plain words; add pairs so "article body" also reads "articlebody".
        var pairs: [String] = []
        for index in words.indices.dropLast() { pairs.append(words[index] + words[index + 1]) }
        return words + pairs
    }

    /// Which hint lists a class-and-id string hits (computed once per distinct string by callers that cache).
    struct Hints {
        var strong: Bool
        var negative: Bool
        var positive: Bool

        init(_ classAndID: String) {
            let words = BoilerplateRules.words(classAndID)
            strong = words.contains(where: BoilerplateRules.alwaysDropWords.contains)
            negative = words.contains(where: BoilerplateRules.negativeWords.contains)
            positive = words.contains(where: BoilerplateRules.positiveWords.contains)
        }
    }

    /// Paragraph openings that are page furniture, not article text (lower-cased prefixes).
    static let junkPrefixes: [String] = [
        "advertisement", "subscribe", "sign up", "click here", "share this", "follow us", "read more", "related:",
        "recommended", "all rights reserved", "©", "copyright ©", "this audio is", "listen to this", "* indicates required",
        "enter your email", "please, enter", "thank you for signing up", "successfuly subscribed", "successfully subscribed",
        "skip to content", "skip to main", "edit post", "we've sent you", "we’ve sent you", "support independent",
        "get the latest", "download the app", "photo:", "image:", "photograph:", "video:", "watch:", "listen:",
        "scroll to continue", "continue reading", "story continues below", "article continues below",
        "this article was", "translated by", "reporting by",
    ]

    /// Whether a paragraph is furniture by its wording.
    static func isJunk(_ text: String) -> Bool {
        // The first 64 bytes hold every junk prefix (all shorter than 48 bytes).
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: 64, limitedBy: text.utf8.endIndex) ?? text.utf8.endIndex
        while end < text.utf8.endIndex, UTF8.isContinuation(text.utf8[end]) { text.utf8.formIndex(before: &end) }
        let lower = String(text[..<end]).lowercased()
        if junkPrefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        guard text.utf8.count <= 48 else { return false }
        let words = lower.split(separator: " ")  // (only short texts get here: lower is all of it)
        if words.count <= 6, ["advertisement", "ad", "sponsored", "more news", "editors' picks", "most read",
                              "share", "tweet", "email", "print", "comments", "subscribe", "menu", "close"]
            .contains(lower.trimmed.trimmingPunctuation) { return true }
        return false
    }
}

extension String {
    /// The text without leading and trailing punctuation and spaces.
    var trimmingPunctuation: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        func isEdge(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory.isPunctuation || s.properties.isWhitespace }
        while start < end, isEdge(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start, isEdge(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return String(self[start..<end])
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }
}
