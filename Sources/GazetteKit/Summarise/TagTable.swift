/// What the extractor needs to know about an element's name, from a table built once: the name's
/// bytes are looked up directly (`WordTable`), with no Swift string per element.
enum TagTable {
    struct Flags: OptionSet {
        let rawValue: UInt16
        static let block = Flags(rawValue: 1 << 0)
        /// Never article text: scripts, styles, head matter.
        static let neverText = Flags(rawValue: 1 << 2)
        /// Page furniture (nav, header, footer, aside, forms, figures...), dropped unless it holds the article.
        static let furniture = Flags(rawValue: 1 << 8)
        static let scored = Flags(rawValue: 1 << 3)  // p, pre, td, blockquote
        static let div = Flags(rawValue: 1 << 4)
        static let anchor = Flags(rawValue: 1 << 5)
        static let lineBreak = Flags(rawValue: 1 << 6)  // br, and h1 (the headline is shown apart)
        static let cell = Flags(rawValue: 1 << 7)
        /// `<article>` and `<main>`: never dropped for their class.
        static let articleOrMain = Flags(rawValue: 1 << 9)
        /// `<body>` and `<html>`.
        static let page = Flags(rawValue: 1 << 10)
        /// Elements that hold prose: p, blockquote, pre.
        static let prose = Flags(rawValue: 1 << 11)
        /// Subheadings, `h2`–`h6`.
        static let heading = Flags(rawValue: 1 << 12)
    }

    private static let table: WordTable = {
        var entries: [(word: String, value: UInt16)] = []
        func add(_ names: some Sequence<String>, _ flags: Flags) { entries += names.map { ($0, flags.rawValue) } }
        add(Flattener.blockTags, .block)
        add(BoilerplateRules.neverTextTags, .neverText)
        add(BoilerplateRules.droppedTags.subtracting(BoilerplateRules.neverTextTags), .furniture)
        add(["p", "pre", "td", "blockquote"], .scored)
        add(["div"], .div)
        add(["a"], .anchor)
        add(["br", "h1"], .lineBreak)
        add(["td", "th"], .cell)
        add(["article", "main"], .articleOrMain)
        add(["body", "html"], .page)
        add(["p", "blockquote", "pre"], .prose)
        add(["h2", "h3", "h4", "h5", "h6"], .heading)
        return WordTable(entries)
    }()

    static func flags(_ element: HTMLElement) -> Flags {
        Flags(rawValue: element.nameValue(in: table))
    }
}
