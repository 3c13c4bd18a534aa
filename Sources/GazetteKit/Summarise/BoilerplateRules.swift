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

    /// Furniture the pruner removes before parsing when it holds little of the page's prose.
    static let prunedRegions = ["nav", "header", "footer"]

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
        // Other languages' words for the same furniture, and the furniture of wiki pages.
        "kommentare", "kommentar", "comentarios", "commentaires", "commenti", "rodape", "fusszeile", "relacionadas",
        "relacionados", "navbox", "hatnote", "reflist", "catlinks", "noprint", "editsection", "ambox", "infobox",
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

    /// Which hint lists the words of an element's class and id hit. Read from the attribute bytes
    /// directly: words are runs of ASCII letters and digits, lower-cased, and each pair of
    /// neighbouring words also counts as one word (`article-body` also reads `articlebody`).
    struct Hints {
        private(set) var strong = false
        private(set) var negative = false
        private(set) var positive = false
        private var word = WordKey(), previous = WordKey()

        private static let strongBit: UInt16 = 1, negativeBit: UInt16 = 2, positiveBit: UInt16 = 4
        private static let table = WordTable(
            BoilerplateRules.alwaysDropWords.map { ($0, strongBit) } + BoilerplateRules.negativeWords.map { ($0, negativeBit) }
                + BoilerplateRules.positiveWords.map { ($0, positiveBit) })

        init() {}

        init(_ classAndID: String) {
            for byte in classAndID.utf8 { read(byte) }
            endWord()
        }

        /// Reads one byte of a class or id value; call `endWord()` between values.
        mutating func read(_ byte: UInt8) {
            let lower = byte.asciiLowercased
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                word.append(lower)
            } else {
                endWord()
            }
        }

        mutating func endWord() {
            guard word.count > 0 else { return }
            var bits = word.key.map(Self.table.value) ?? 0
            if let pair = previous.key(joinedWith: word) { bits |= Self.table.value(pair) }
            if bits & Self.strongBit != 0 { strong = true }
            if bits & Self.negativeBit != 0 { negative = true }
            if bits & Self.positiveBit != 0 { positive = true }
            previous = word
            word = WordKey()
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
        // The same furniture in the other languages of European news sites.
        "foto:", "fotos:", "bild:", "bildquelle:", "titelbild:", "abbildung:", "crédit photo", "crédits photo", "crédits :",
        "créditos:", "foto di", "weiterlesen", "mehr lesen",
        "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "auch interessant", "leer más", "lee también",
        "lire la suite", "lire aussi", "à lire aussi", "leia mais", "leia também", "veja também", "continua a leggere",
        "leggi anche", "notas relacionadas", "temas relacionados", "artículos relacionados", "articles liés",
        "newsletter abonnieren", "jetzt abonnieren", "suscríbete", "abonnez-vous", "inscreva-se", "iscriviti",
        "kommentar schreiben", "keine kommentare", "deixe um comentário",
        "leave a comment", "lascia un commento", "para comentar",
    ]

    /// The junk prefixes as bytes, grouped by their first byte.
    private static let junkPrefixBytes: [UInt8: [[UInt8]]] = Dictionary(grouping: junkPrefixes.map { Array($0.utf8) }) { $0[0] }

    /// Short lines that are furniture when they are all a paragraph says (punctuation aside).
    static let junkLines = ["advertisement", "ad", "sponsored", "more news", "editors' picks", "most read", "share", "tweet",
                            "email", "print", "comments", "subscribe", "menu", "close", "anzeige", "werbung", "publicidad",
                            "publicité", "pubblicità", "kommentare", "comentarios", "commentaires", "teilen", "compartir", "partager"]

    /// Whether a paragraph is furniture by its wording.
    static func isJunk(_ text: String) -> Bool {
        var text = text
        let prefixed = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let candidates = junkPrefixBytes[first.asciiLowercased] else { return false }
            return candidates.contains { prefix in
                prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[$0].asciiLowercased == prefix[$0] }
            }
        }
        if prefixed { return true }
        guard text.utf8.count <= 48 else { return false }
        // Cheap first: the line must contain one of the words at all.
        let ascii = text.asciiLowercased
        guard junkLines.contains(where: ascii.has) else { return false }
        let lower = text.lowercased()
        return lower.utf8.split(separator: 0x20).count <= 6 && junkLines.contains(lower.trimmed.trimmingPunctuation)
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
