import CLibXML2
import CLibXML2Region
import Foundation

/// A document parsed with libxml2's HTML parser (recovering, no network); freed in `deinit`,
/// or all at once with its memory region (`withPage`).
final class HTMLTree {
    let doc: htmlDocPtr
    /// Whether the tree lives in a memory region, which frees it.
    let inRegion: Bool

    /// Parses a page with libxml2 allocating from a per-thread memory region, calls `body` with
    /// the tree (nil when nothing could be parsed) and then drops the region whole, which costs
    /// far less than freeing a large tree node by node. Neither the tree nor any node or libxml2
    /// string may be kept after `body` returns.
    static func withPage<Result>(utf8 bytes: [UInt8], url: String?, _ body: (HTMLTree?) -> Result) -> Result {
        _ = LibXML.initialized
        gz_region_open()
        defer {
            xmlResetLastError()  // the thread's last error may hold strings from the region
            gz_region_close()
        }
        let tree = HTMLTree(utf8: bytes, url: url, inRegion: true)
        defer { tree?.releaseDictionary() }
        return body(tree)
    }

    /// Parses a whole page.
    convenience init?(utf8 bytes: [UInt8], url: String? = nil, encoding: String? = "UTF-8") {
        self.init(utf8: bytes, url: url, encoding: encoding, inRegion: false)
    }

    private init?(utf8 bytes: [UInt8], url: String?, encoding: String? = "UTF-8", inRegion: Bool) {
        _ = LibXML.initialized
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard !bytes.isEmpty else { return nil }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), url, encoding, options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
        self.inRegion = inRegion
    }

    /// The name dictionary holds a mutex from plain malloc; the region holds everything else.
    private func releaseDictionary() {
        if let dict = doc.pointee.dict {
            doc.pointee.dict = nil
            xmlDictFree(dict)
        }
    }

    /// Parses a fragment (such as a feed's HTML summary) inside a `<body>`.
    convenience init?(fragment: String) {
        self.init(utf8: Array("<html><body>\(fragment)</body></html>".utf8))
    }

    deinit {
        if !inRegion { xmlFreeDoc(doc) }
    }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    /// The `<body>` element, if the parser made one.
    var body: xmlNodePtr? {
        guard let root else { return nil }
        return HTMLNode.firstDescendant(of: root) { HTMLNode.name($0) == "body" }
    }

    /// The serialised markup of the children of `node`.
    func innerHTML(of node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            htmlNodeDump(buffer, doc, current)
            child = current.pointee.next
        }
        return LibXML.string(xmlBufferContent(buffer)) ?? ""
    }
}

@available(*, unavailable)
extension HTMLTree: Sendable {}

/// Small helpers over libxml2 nodes of an HTML tree.
enum HTMLNode {
    /// Element name, or "" for other nodes. libxml2's HTML parser already lower-cases tag names.
    static func name(_ node: xmlNodePtr) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether the element's name is `name` (ASCII, lower-case), without building a Swift string.
    static func isNamed(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let own = node.pointee.name else { return false }
        return strcmp(UnsafeRawPointer(own).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// An attribute's value borrowed from the tree: libxml2's HTML parser keeps it as one text node,
    /// or none for a bare attribute such as `hidden` (then `""`). Valid while the tree is.
    static func value(of attribute: xmlAttrPtr) -> UnsafePointer<CChar> {
        guard let text = attribute.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil,
              let content = text.pointee.content else { return emptyValue }
        return UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)
    }

    private static var emptyValue: UnsafePointer<CChar> {
        UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        LibXML.withXMLString(name) { LibXML.take(xmlGetProp(node, $0)) }
    }

    static func setAttribute(_ node: xmlNodePtr, _ name: String, _ value: String) {
        LibXML.withXMLString(name) { n in LibXML.withXMLString(value) { v in _ = xmlSetProp(node, n, v) } }
    }

    /// Depth-first, document order.
    static func forEachElement(under node: xmlNodePtr, _ body: (xmlNodePtr) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                body(current)
                forEachElement(under: current, body)
            }
            child = current.pointee.next
        }
    }

    /// The element children, in order.
    static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether `ancestor` is a proper ancestor of `node`.
    static func isAncestor(_ ancestor: xmlNodePtr, of node: xmlNodePtr) -> Bool {
        var current = node.pointee.parent
        while let parent = current {
            if parent == ancestor { return true }
            current = parent.pointee.parent
        }
        return false
    }

    static func firstDescendant(of node: xmlNodePtr, where predicate: (xmlNodePtr) -> Bool) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if predicate(current) { return current }
                if let found = firstDescendant(of: current, where: predicate) { return found }
            }
            child = current.pointee.next
        }
        return nil
    }
}
