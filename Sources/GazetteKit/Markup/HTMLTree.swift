import CLibXML2
import Foundation

/// A document parsed with libxml2's HTML parser (recovering, no network); freed in `deinit`.
final class HTMLTree {
    let doc: htmlDocPtr

    /// Parses a whole page.
    init?(utf8 bytes: [UInt8], url: String? = nil, encoding: String? = "UTF-8") {
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
    }

    /// Parses a fragment (such as a feed's HTML summary) inside a `<body>`.
    convenience init?(fragment: String) {
        self.init(utf8: Array("<html><body>\(fragment)</body></html>".utf8))
    }

    deinit { xmlFreeDoc(doc) }

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
    /// Lower-cased element name, or "" for other nodes.
    static func name(_ node: xmlNodePtr) -> String {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
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
