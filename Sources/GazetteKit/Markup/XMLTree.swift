import CLibXML2
import Foundation

/// A parsed XML document; frees the libxml2 tree in `deinit`.
/// Nodes handed out (`XMLElement`) are valid only while this object is alive.
final class XMLTree {
    let doc: xmlDocPtr

    /// Parses UTF-8 bytes in recovery mode, with no network access and no DTD loading.
    init?(utf8 bytes: [UInt8], url: String?) {
        _ = LibXML.initialized
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
                            | XML_PARSE_IGNORE_ENC.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: XMLElement? { xmlDocGetRootElement(doc).map { XMLElement(node: $0, doc: doc) } }
}

@available(*, unavailable)
extension XMLTree: Sendable {}

/// Namespaces a feed reader cares about, by URI.
enum XMLNamespace: Equatable {
    case none, atom10, atom03, rss10, rss090, rss20, dc, dcterms, content, xhtml, rdf, media, other

    init(uri: String?) {
        switch uri {
        case nil, "": self = .none
        case "http://www.w3.org/2005/Atom": self = .atom10
        case "http://purl.org/atom/ns#": self = .atom03
        case "http://purl.org/rss/1.0/": self = .rss10
        case "http://my.netscape.com/rdf/simple/0.9/": self = .rss090
        case "http://backend.userland.com/rss2", "http://backend.userland.com/rss": self = .rss20
        case "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/elements/1.0/": self = .dc
        case "http://purl.org/dc/terms/": self = .dcterms
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss": self = .media
        default: self = .other
        }
    }

    /// For an undeclared prefix (ill-formed documents keep `prefix:name` as the name).
    init(prefix: String) {
        switch prefix.lowercased() {
        case "dc": self = .dc
        case "dcterms": self = .dcterms
        case "content": self = .content
        case "atom": self = .atom10
        case "xhtml": self = .xhtml
        case "rdf": self = .rdf
        case "media": self = .media
        default: self = .other
        }
    }

    /// Namespaces whose elements are the core vocabulary of some feed format.
    var isCore: Bool { [.none, .atom10, .atom03, .rss10, .rss090, .rss20].contains(self) }
}

/// A borrowed element of an `XMLTree`.
struct XMLElement {
    let node: xmlNodePtr
    let doc: xmlDocPtr

    /// Local name, lower-cased, and namespace; an undeclared `prefix:name` is split.
    var name: (namespace: XMLNamespace, local: String) {
        let raw = String(cString: node.pointee.name)
        if let ns = node.pointee.ns {
            return (XMLNamespace(uri: LibXML.string(ns.pointee.href)), raw.lowercased())
        }
        if let colon = raw.firstIndex(of: ":") {
            return (XMLNamespace(prefix: String(raw[..<colon])), raw[raw.index(after: colon)...].lowercased())
        }
        return (.none, raw.lowercased())
    }

    var localName: String { name.local }

    var namespaceURI: String? { node.pointee.ns.flatMap { LibXML.string($0.pointee.href) } }

    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current, doc: doc)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether a text child other than `child` holds more than whitespace.
    func hasText(besides child: XMLElement) -> Bool {
        var current = node.pointee.children
        while let sibling = current {
            if sibling != child.node, sibling.pointee.type == XML_TEXT_NODE,
               let content = LibXML.string(sibling.pointee.content), !content.trimmed.isEmpty {
                return true
            }
            current = sibling.pointee.next
        }
        return false
    }

    func setAttribute(_ name: String, _ value: String) {
        LibXML.withXMLString(name) { n in LibXML.withXMLString(value) { v in _ = xmlSetProp(node, n, v) } }
    }

    /// The text of the element and its descendants, entities decoded.
    var text: String { LibXML.take(xmlNodeGetContent(node)) ?? "" }

    /// An attribute by local name, whatever its namespace.
    func attribute(_ name: String) -> String? {
        LibXML.withXMLString(name) { LibXML.take(xmlGetProp(node, $0)) }
    }

    /// The base URI in effect for this element: `xml:base` chain, then the document URL.
    var base: String? { LibXML.take(xmlNodeGetBase(doc, node)) }

    /// The markup of the children, serialised.
    var innerXML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, doc, current, 0, 0)
            child = current.pointee.next
        }
        return LibXML.string(xmlBufferContent(buffer)) ?? ""
    }
}
