import CLibXML2
import CLibXML2Region
import Foundation

/// A document parsed with libxml2's HTML parser (recovering, no network); freed in `deinit`,
/// or all at once with its memory region (`withPage`).
final class HTMLTree {
    private let doc: htmlDocPtr
    /// Whether the tree lives in a memory region, which frees it.
    private let inRegion: Bool
    /// Subtrees taken out with `detach`, freed only with the tree: statistics cached for them and
    /// elements still held point into them, and a freed address could be reused meanwhile.
    private var detached: [xmlNodePtr] = []

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
        guard !inRegion else { return }
        for node in detached { xmlFreeNode(node) }
        xmlFreeDoc(doc)
    }

    var root: HTMLElement? { xmlDocGetRootElement(doc).map(HTMLElement.init) }

    /// The `<body>` element, if the parser made one.
    var body: HTMLElement? { root?.firstDescendant { $0.isNamed("body") } }

    /// Takes an element (and what is below it) out of the tree.
    func detach(_ element: HTMLElement) {
        xmlUnlinkNode(element.node)
        detached.append(element.node)
    }

    /// The serialised markup of the children of `element`.
    func innerHTML(of element: HTMLElement) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = element.node.pointee.children
        while let current = child {
            htmlNodeDump(buffer, doc, current)
            child = current.pointee.next
        }
        return LibXML.string(xmlBufferContent(buffer)) ?? ""
    }
}

@available(*, unavailable)
extension HTMLTree: Sendable {}
