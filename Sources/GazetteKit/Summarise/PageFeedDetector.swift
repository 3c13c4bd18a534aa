import CLibXML2
import Foundation

/// Finds a page's own feed of short timed updates ("News Feed", "Latest", "Live updates"):
/// repeated blocks of a time, a headline and a sentence or two, either each in its own wrapper
/// or as a flat run of siblings.
struct PageFeedDetector {
    let baseURL: String?

    struct Found {
        var items: [PageFeedItem]
        var containers: [xmlNodePtr]
    }

    func detect(in root: xmlNodePtr) -> Found {
        var found = Found(items: [], containers: [])
        // Only ancestors (up to three levels) of two or more time-like elements can hold a feed.
        var counts: [UnsafeMutableRawPointer: Int] = [:]
        var order: [xmlNodePtr] = []
        HTMLNode.forEachElement(under: root) { element in
            guard isTime(element) else { return }
            var ancestor = element.pointee.parent
            for _ in 0..<3 {
                guard let current = ancestor, current.pointee.type == XML_ELEMENT_NODE else { break }
                let key = UnsafeMutableRawPointer(current)
                if counts[key] == nil { order.append(current) }
                counts[key, default: 0] += 1
                ancestor = current.pointee.parent
            }
        }
        let candidates = order.filter { counts[UnsafeMutableRawPointer($0)]! >= 2 }.sorted { Self.depth($0) < Self.depth($1) }
        for candidate in candidates where !found.containers.contains(where: { $0 == candidate || HTMLNode.isAncestor($0, of: candidate) }) {
            let children = HTMLNode.elementChildren(candidate)
            if let items = wrappedItems(children) ?? flatItems(children) {
                found.items += items
                found.containers.append(candidate)
            }
        }
        return found
    }

    private static func depth(_ node: xmlNodePtr) -> Int {
        var depth = 0
        var current = node.pointee.parent
        while let parent = current { depth += 1; current = parent.pointee.parent }
        return depth
    }

    /// Children that are each one item: a time, then a headline, then text.
    private func wrappedItems(_ children: [xmlNodePtr]) -> [PageFeedItem]? {
        var items: [PageFeedItem] = []
        for child in children {
            let parts = HTMLNode.elementChildren(child)
            guard let timeIndex = parts.prefix(3).firstIndex(where: isTime) else { continue }
            let rest = parts[(timeIndex + 1)...]
            guard let headline = rest.first.flatMap({ headlineText($0) }) else { continue }
            let text = rest.dropFirst().map { NodeText.text($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            items.append(PageFeedItem(time: NodeText.text(parts[timeIndex]), headline: headline,
                                      text: text.isEmpty ? nil : text, link: link(in: rest.first!)))
        }
        return items.count >= 2 && items.count * 2 >= children.count ? items : nil
    }

    /// Siblings in a run: time, headline, text..., time, headline, text...
    private func flatItems(_ children: [xmlNodePtr]) -> [PageFeedItem]? {
        let times = children.indices.filter { isTime(children[$0]) }
        guard times.count >= 2 else { return nil }
        var items: [PageFeedItem] = []
        for (n, index) in times.enumerated() {
            let end = n + 1 < times.count ? times[n + 1] : children.count
            guard index + 1 < end, let headline = headlineText(children[index + 1]) else { continue }
            let body = children[(index + 2)..<end].filter { !isLinkOnly($0) }
            let text = body.map { NodeText.text($0) }.filter { !$0.isEmpty }.joined(separator: " ")
            items.append(PageFeedItem(time: NodeText.text(children[index]), headline: headline,
                                      text: text.isEmpty ? nil : text, link: link(in: children[index + 1])))
        }
        return items.count >= 2 ? items : nil
    }

    private func isTime(_ node: xmlNodePtr) -> Bool {
        guard HTMLNode.isNamed(node, "time") || Self.firstTextByteIsDigit(node) else { return false }
        guard let text = NodeText.shortText(node, limit: 24), !text.isEmpty, text.count <= 24 else { return false }
        return HTMLNode.name(node) == "time" || Self.looksLikeTime(text)
    }

    /// Whether the first visible character under the node is a digit (a cheap test before reading the text).
    private static func firstTextByteIsDigit(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE, var p = current.pointee.content {
                while p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x09 || p.pointee == 0x0D { p += 1 }
                if p.pointee != 0 { return p.pointee >= UInt8(ascii: "0") && p.pointee <= UInt8(ascii: "9") }
            } else if current.pointee.type == XML_ELEMENT_NODE {
                return firstTextByteIsDigit(current)
            }
            child = current.pointee.next
        }
        return false
    }

    /// `12:08 PM`, `8:15`, `07.30`, `5 min ago`, `2 hours ago`.
    static func looksLikeTime(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        // A clock has its `:` or `.` within the first five bytes (two digits, one perhaps not ASCII);
        // otherwise only "... ago" can match.
        guard text.utf8.prefix(5).contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
                || text.utf8.reversed().drop(while: { $0 == 0x20 }).prefix(3).map({ $0 | 0x20 }).elementsEqual("oga".utf8)
        else { return false }
        let words = text.lowercased().split(separator: " ")
        guard let first = words.first else { return false }
        let clock = first.split(separator: ":", omittingEmptySubsequences: false)
        let dotted = first.split(separator: ".", omittingEmptySubsequences: false)
        for parts in [clock, dotted] where parts.count == 2 {
            let hour = parts[0], minute = parts[1].prefix(2)
            if (1...2).contains(hour.count), hour.allSatisfy(\.isNumber), minute.count == 2, minute.allSatisfy(\.isNumber),
               Int(hour)! < 24, Int(minute)! < 60 {
                let rest = words.dropFirst().joined(separator: " ")
                let suffix = String(parts[1].dropFirst(2)) + rest
                return suffix.count <= 8 && suffix.allSatisfy { $0.isLetter || $0 == "." || $0 == " " }
            }
        }
        if words.count >= 3, words.last == "ago", words[0].allSatisfy(\.isNumber) { return true }
        return false
    }

    private func headlineText(_ node: xmlNodePtr) -> String? {
        guard let text = NodeText.shortText(node, limit: 240), text.count >= 8, text.count <= 240, !isTime(node) else { return nil }
        let name = HTMLNode.name(node)
        let headingLike = ["h2", "h3", "h4", "h5", "h6", "a", "strong", "b"].contains(name)
            || HTMLNode.firstDescendant(of: node, where: { ["h2", "h3", "h4", "h5", "h6", "a", "strong"].contains(HTMLNode.name($0)) }) != nil
        return headingLike || text.split(separator: " ").count <= 25 ? text : nil
    }

    private func isLinkOnly(_ node: xmlNodePtr) -> Bool {
        guard NodeText.shortText(node, limit: 40) != nil else { return false }
        let stats = NodeText().stats(node)
        return HTMLNode.name(node) == "a" || stats.linkDensity > 0.9
    }

    private func link(in node: xmlNodePtr) -> String? {
        let anchor = HTMLNode.name(node) == "a" ? node : HTMLNode.firstDescendant(of: node) { HTMLNode.name($0) == "a" }
        guard let anchor, let href = HTMLNode.attribute(anchor, "href"), !href.trimmed.isEmpty else { return nil }
        return LibXML.resolve(href, against: baseURL)
    }
}
