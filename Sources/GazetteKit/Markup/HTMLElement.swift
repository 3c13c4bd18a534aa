import CLibXML2
import Foundation

/// A borrowed element of an `HTMLTree`: what code outside `Markup/` sees of a parsed page.
/// Valid while its tree is alive and the element is attached; never kept past the tree.
/// Equal elements are the same node, so elements can key dictionaries.
struct HTMLElement: Hashable {
    /// The libxml2 node; only `Markup/` looks inside.
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) {
        self.node = node
    }

    /// The element's name; libxml2's HTML parser lower-cases tag names.
    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// Whether the name is `name` (ASCII, lower-case), without building a string.
    func isNamed(_ name: StaticString) -> Bool {
        guard let own = node.pointee.name else { return false }
        return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The value the name has in a table of words (tag names to flags), 0 when absent.
    func nameValue(in table: WordTable) -> UInt16 {
        guard let name = node.pointee.name else { return 0 }
        return table.value(cString: name)
    }

    // MARK: Tree

    /// The parent element; nil at the top or above a detached subtree.
    var parent: HTMLElement? {
        guard let parent = node.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLElement(parent)
    }

    /// The element children, in order.
    var children: [HTMLElement] {
        var result: [HTMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(HTMLElement(current)) }
            child = current.pointee.next
        }
        return result
    }

    /// Calls `body` with each child in order: elements, and runs of text (CDATA included).
    func forEachChild(_ body: (HTMLChild) -> Void) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: body(.element(HTMLElement(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { body(.text(MarkupText(content))) }
            default: break
            }
            child = current.pointee.next
        }
    }

    /// Depth-first, document order, below this element.
    func forEachDescendant(_ body: (HTMLElement) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = HTMLElement(current)
                body(element)
                element.forEachDescendant(body)
            }
            child = current.pointee.next
        }
    }

    /// The first descendant, in document order, for which `predicate` holds.
    func firstDescendant(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = HTMLElement(current)
                if predicate(element) { return element }
                if let found = element.firstDescendant(where: predicate) { return found }
            }
            child = current.pointee.next
        }
        return nil
    }

    /// Whether this element is a proper ancestor of `other`.
    func isAncestor(of other: HTMLElement) -> Bool {
        var current = other.node.pointee.parent
        while let parent = current {
            if parent == node { return true }
            current = parent.pointee.parent
        }
        return false
    }

    /// Nodes above this one, the document included.
    var depth: Int {
        var depth = 0
        var current = node.pointee.parent
        while let parent = current {
            depth += 1
            current = parent.pointee.parent
        }
        return depth
    }

    // MARK: Attributes

    /// Whether the element has any attribute.
    var hasAttributes: Bool { node.pointee.properties != nil }

    /// An attribute's value, entities decoded.
    func attribute(_ name: String) -> String? {
        LibXML.withXMLString(name) { LibXML.take(xmlGetProp(node, $0)) }
    }

    /// Calls `body` with each attribute's name and value, borrowed from the tree. libxml2's HTML
    /// parser keeps a value as one text node, or none for a bare attribute such as `hidden` (`""`).
    func forEachAttribute(_ body: (_ name: MarkupText, _ value: MarkupText) -> Void) {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let value: MarkupText
                if let text = current.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil,
                   let content = text.pointee.content {
                    value = MarkupText(content)
                } else {
                    value = .empty
                }
                body(MarkupText(name), value)
            }
            attribute = current.pointee.next
        }
    }

    func setAttribute(_ name: String, _ value: String) {
        LibXML.withXMLString(name) { n in LibXML.withXMLString(value) { v in _ = xmlSetProp(node, n, v) } }
    }

    // MARK: Text

    /// All text below, hidden elements included, entities decoded (a `<script>`'s JSON, say).
    var textContent: String { LibXML.take(xmlNodeGetContent(node)) ?? "" }

    /// The visible text below, whitespace collapsed.
    var text: String {
        var text = ""
        HTMLText.appendText(of: self, to: &text)
        return text.collapsingWhitespace
    }

    /// The visible text below when it has at most `limit` bytes, whitespace collapsed; nil when
    /// longer. Stops reading as soon as the limit is passed, so it is cheap on big subtrees.
    func shortText(limit: Int) -> String? {
        var bytes: [UInt8] = []
        guard collect(into: &bytes, limit: limit) else { return nil }
        return String(decoding: bytes, as: UTF8.self).collapsingWhitespace
    }

    private func collect(into bytes: inout [UInt8], limit: Int) -> Bool {
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
                let element = HTMLElement(current)
                if element.nameValue(in: HTMLVocabulary.table) & HTMLVocabulary.hidden != 0 { break }
                bytes.append(0x20)
                guard element.collect(into: &bytes, limit: limit) else { return false }
                bytes.append(0x20)
            default:
                break
            }
            child = current.pointee.next
        }
        return true
    }

    /// The first byte of text below that is not ASCII whitespace, if any, found in the first text
    /// run or the first child element (a cheap look before reading the text).
    var firstTextByte: UInt8? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, var p = current.pointee.content {
                while p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x09 || p.pointee == 0x0D { p += 1 }
                if p.pointee != 0 { return p.pointee }
            } else if current.pointee.type == XML_ELEMENT_NODE {
                return HTMLElement(current).firstTextByte
            }
            child = current.pointee.next
        }
        return nil
    }
}

/// A child of an element: another element, or a run of text.
enum HTMLChild {
    case element(HTMLElement)
    case text(MarkupText)
}

/// UTF-8 text borrowed from a parsed tree (a text node, an attribute's name or value), valid while
/// the tree is: iterate its bytes, compare it, or copy it into a `String`.
struct MarkupText: Sequence {
    private let start: UnsafePointer<UInt8>

    init(_ start: UnsafePointer<UInt8>) {
        self.start = start
    }

    init(_ start: UnsafeMutablePointer<UInt8>) {
        self.start = UnsafePointer(start)
    }

    static var empty: MarkupText { MarkupText(UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: UInt8.self)) }

    var string: String { String(cString: start) }

    var isEmpty: Bool { start.pointee == 0 }

    /// Equal to `word`, byte for byte.
    func equals(_ word: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(word.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// Equal to `word` with ASCII letters compared case-insensitively.
    func equalsIgnoringASCIICase(_ word: StaticString) -> Bool {
        var p = start
        var q = word.utf8Start
        while p.pointee != 0, q.pointee != 0 {
            guard p.pointee.asciiLowercased == q.pointee.asciiLowercased else { return false }
            p += 1
            q += 1
        }
        return p.pointee == 0 && q.pointee == 0
    }

    /// The value this text has in a table of words, 0 when absent.
    func value(in table: WordTable) -> UInt16 { table.value(cString: start) }

    struct Iterator: IteratorProtocol {
        fileprivate var p: UnsafePointer<UInt8>

        mutating func next() -> UInt8? {
            let byte = p.pointee
            guard byte != 0 else { return nil }
            p += 1
            return byte
        }
    }

    func makeIterator() -> Iterator { Iterator(p: start) }

    /// The byte `offset` places on; only valid within the text and the NUL after it.
    subscript(offset: Int) -> UInt8 { start[offset] }
}
