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
    /// Entries are found through the node's `_private` slot (index + 1), which libxml2 leaves to
    /// applications; the stored node pointer guards against a slot written by someone else.
    private var cache: [(node: xmlNodePtr, stats: TextStats)] = []

    func stats(_ node: xmlNodePtr) -> TextStats {
        let slot = Int(bitPattern: node.pointee._private) - 1
        if slot >= 0, slot < cache.count, cache[slot].node == node { return cache[slot].stats }
        var stats = TextStats()
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                Self.count(current.pointee.content, into: &stats)
            case XML_ELEMENT_NODE:
                let flags = TagTable.flags(current)
                if flags.contains(.invisible) { break }
                let inner = self.stats(current)
                stats.characters += inner.characters
                stats.commas += inner.commas
                stats.linkCharacters += flags.contains(.anchor) ? inner.characters : inner.linkCharacters
            default:
                break
            }
            child = current.pointee.next
        }
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: cache.count + 1)
        cache.append((node, stats))
        return stats
    }

    /// Elements whose text no reader sees.
    static let invisible = HTMLText.hiddenElements

    func forget() {
        for entry in cache { entry.node.pointee._private = nil }
        cache.removeAll(keepingCapacity: true)
    }

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

    /// The text under a node when it has at most `limit` bytes, whitespace collapsed; `nil` when longer.
    /// Stops reading as soon as the limit is passed, so it is cheap on big subtrees.
    static func shortText(_ node: xmlNodePtr, limit: Int) -> String? {
        var bytes: [UInt8] = []
        guard collect(node, into: &bytes, limit: limit) else { return nil }
        return String(decoding: bytes, as: UTF8.self).collapsingWhitespace
    }

    private static func collect(_ node: xmlNodePtr, into bytes: inout [UInt8], limit: Int) -> Bool {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = current.pointee.content {
                    while p.pointee != 0 {
                        bytes.append(p.pointee)
                        if bytes.count > limit * 2 { return false }
                        p += 1
                    }
                }
            case XML_ELEMENT_NODE:
                if invisible.contains(HTMLNode.name(current)) { break }
                bytes.append(0x20)
                guard collect(current, into: &bytes, limit: limit) else { return false }
                bytes.append(0x20)
            default:
                break
            }
            child = current.pointee.next
        }
        return true
    }

    /// The visible text under a node, whitespace collapsed.
    static func text(_ node: xmlNodePtr) -> String {
        var text = ""
        HTMLText.appendText(of: node, to: &text)
        return text.collapsingWhitespace
    }
}
