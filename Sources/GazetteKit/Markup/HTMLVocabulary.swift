/// The HTML elements Gazette knows, by what they do to text: the one home of tag sets. Rules
/// elsewhere (what extraction drops, what the pruner skips) are written in these terms.
enum HTMLVocabulary {
    /// Elements whose boundaries separate words.
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr",
        "td", "th", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd", "dt", "dl", "aside",
        "nav", "main", "address", "caption", "tbody", "thead", "tfoot",
    ]

    /// Elements whose text is never shown.
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "title"]

    /// Elements whose content an HTML tokenizer reads as raw text up to their end tag, or that
    /// hold no text a reader sees (`script` first: JSON-LD is kept from it).
    static let rawTextElements = ["script", "style", "svg", "noscript", "template", "iframe", "select", "textarea"]

    /// HTML elements a feed's text may use; markup with anything else is taken as literal text.
    static let knownElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "dir", "div",
        "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "map", "mark", "menu", "meter",
        "nav", "noscript", "ol", "optgroup", "option", "p", "pre", "progress", "q", "s", "samp", "section", "select",
        "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea",
        "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr",
    ]

    /// Attributes holding URLs that are resolved against a base.
    static let urlAttributes = ["href", "src", "cite", "background", "longdesc", "poster", "action", "usemap"]

    /// Bits of `table`.
    static let hidden: UInt16 = 1, block: UInt16 = 2, anchor: UInt16 = 4

    /// Element names to their bits, looked up by bytes.
    static let table = WordTable(hiddenElements.map { ($0, hidden) } + blockElements.map { ($0, block) } + [("a", anchor)])
}
