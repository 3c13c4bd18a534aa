import CLibXML2

/// What the extractor needs to know about an element's name, decided once per distinct name.
/// libxml2's HTML parser interns names in the document's dictionary, so equal names share one
/// pointer: the lookup hashes a pointer instead of building and hashing a Swift string.
final class TagTable {
    struct Flags: OptionSet {
        let rawValue: UInt16
        static let block = Flags(rawValue: 1 << 0)
        static let invisible = Flags(rawValue: 1 << 1)
        /// Never article text: scripts, styles, head matter.
        static let neverText = Flags(rawValue: 1 << 2)
        /// Page furniture (nav, header, footer, aside, forms, figures...), dropped unless it holds the article.
        static let furniture = Flags(rawValue: 1 << 8)
        static let scored = Flags(rawValue: 1 << 3)  // p, pre, td, blockquote
        static let div = Flags(rawValue: 1 << 4)
        static let anchor = Flags(rawValue: 1 << 5)
        static let lineBreak = Flags(rawValue: 1 << 6)  // br, and h1 (the headline is shown apart)
        static let cell = Flags(rawValue: 1 << 7)
    }

    private var cache: [UnsafePointer<xmlChar>: Flags] = [:]

    func flags(_ node: xmlNodePtr) -> Flags {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return [] }
        let key = UnsafePointer(name)
        if let known = cache[key] { return known }
        let text = String(cString: name)
        var flags: Flags = []
        if Flattener.blockTags.contains(text) { flags.insert(.block) }
        if NodeText.invisible.contains(text) { flags.insert(.invisible) }
        if BoilerplateRules.neverTextTags.contains(text) {
            flags.insert(.neverText)
        } else if BoilerplateRules.droppedTags.contains(text) {
            flags.insert(.furniture)
        }
        if ["p", "pre", "td", "blockquote"].contains(text) { flags.insert(.scored) }
        if text == "div" { flags.insert(.div) }
        if text == "a" { flags.insert(.anchor) }
        if text == "br" || text == "h1" { flags.insert(.lineBreak) }
        if text == "td" || text == "th" { flags.insert(.cell) }
        cache[key] = flags
        return flags
    }
}
