import CLibXML2

/// Measures of the text under an element.
struct TextStats {
    /// Characters of text, runs of whitespace counted as one.
    var characters = 0
    /// Of those, characters inside links.
    var linkCharacters = 0
    /// Commas (Latin and CJK), a sign of prose.
    var commas = 0

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// `TextStats` of elements, computed once per element and cached while the tree is unchanged
/// (call `forget()` after changing it).
final class TextStatistics {
    /// Entries are found through the node's `_private` slot (index + 1), which libxml2 leaves to
    /// applications; the stored node pointer guards against a slot written by someone else.
    private var cache: [(node: xmlNodePtr, stats: TextStats)] = []

    func stats(_ element: HTMLElement) -> TextStats {
        let node = element.node
        let slot = Int(bitPattern: node.pointee._private) - 1
        if slot >= 0, slot < cache.count, cache[slot].node == node { return cache[slot].stats }
        var stats = TextStats()
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                Self.count(current.pointee.content, into: &stats)
            case XML_ELEMENT_NODE:
                let inner = HTMLElement(current)
                let bits = inner.nameValue(in: HTMLVocabulary.table)
                if bits & HTMLVocabulary.hidden != 0 { break }
                let innerStats = self.stats(inner)
                stats.characters += innerStats.characters
                stats.commas += innerStats.commas
                stats.linkCharacters += bits & HTMLVocabulary.anchor != 0 ? innerStats.characters : innerStats.linkCharacters
            default:
                break
            }
            child = current.pointee.next
        }
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: cache.count + 1)
        cache.append((node, stats))
        return stats
    }

    /// Drops the cache (after the tree changed).
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
}
