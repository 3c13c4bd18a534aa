import CLibXML2

/// Measures of the text under a node, computed once per node and cached.
struct TextStats {
    /// Characters of text, runs of whitespace counted as one.
    var characters = 0
    /// Of those, characters inside links.
    var linkCharacters = 0
    /// Commas (Latin and CJK), a sign of prose.
    var commas = 0

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// Text and statistics of libxml2 nodes, with a cache keyed by node address.
/// Valid only while the tree it measured is neither changed nor freed.
final class NodeText {
    private var cache: [UnsafeMutableRawPointer: TextStats] = [:]

    func stats(_ node: xmlNodePtr) -> TextStats {
        let key = UnsafeMutableRawPointer(node)
        if let known = cache[key] { return known }
        var stats = TextStats()
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                Self.count(current.pointee.content, into: &stats)
            case XML_ELEMENT_NODE:
                if Self.invisible.contains(HTMLNode.name(current)) { break }
                let inner = self.stats(current)
                stats.characters += inner.characters
                stats.commas += inner.commas
                stats.linkCharacters += HTMLNode.name(current) == "a" ? inner.characters : inner.linkCharacters
            default:
                break
            }
            child = current.pointee.next
        }
        cache[key] = stats
        return stats
    }

    /// Elements whose text no reader sees.
    static let invisible: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "title"]

    func forget() { cache.removeAll(keepingCapacity: true) }

    private static func count(_ content: UnsafeMutablePointer<xmlChar>?, into stats: inout TextStats) {
        guard var p = content else { return }
        var inSpace = false
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !inSpace { stats.characters += 1 }
                inSpace = true
            } else {
                inSpace = false
                if byte & 0xC0 != 0x80 { stats.characters += 1 }  // count characters, not bytes
                if byte == UInt8(ascii: ",") { stats.commas += 1 }
                if byte == 0xEF, p[1] == 0xBC, p[2] == 0x8C { stats.commas += 1 }  // ，
                if byte == 0xE3, p[1] == 0x80, p[2] == 0x81 { stats.commas += 1 }  // 、
            }
            p += 1
        }
    }

    /// The visible text under a node, whitespace collapsed.
    static func text(_ node: xmlNodePtr) -> String {
        var text = ""
        HTMLText.appendText(of: node, to: &text)
        return text.collapsingWhitespace
    }
}
