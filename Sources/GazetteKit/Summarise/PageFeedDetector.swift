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
        search(root, into: &found)
        return found
    }

    private func search(_ node: xmlNodePtr, into found: inout Found) {
        let children = Self.elementChildren(node)
        if let items = wrappedItems(children) ?? flatItems(children) {
            found.items += items
            found.containers.append(node)
            return
        }
        for child in children where !["script", "style", "head"].contains(HTMLNode.name(child)) {
            search(child, into: &found)
        }
    }

    /// Children that are each one item: a time, then a headline, then text.
    private func wrappedItems(_ children: [xmlNodePtr]) -> [PageFeedItem]? {
        var items: [PageFeedItem] = []
        for child in children {
            let parts = Self.elementChildren(child)
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
        let text = NodeText.text(node)
        guard !text.isEmpty, text.count <= 24 else { return false }
        return HTMLNode.name(node) == "time" || Self.looksLikeTime(text)
    }

    /// `12:08 PM`, `8:15`, `07.30`, `5 min ago`, `2 hours ago`.
    static func looksLikeTime(_ text: String) -> Bool {
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
        let text = NodeText.text(node)
        guard text.count >= 8, text.count <= 240, !isTime(node) else { return nil }
        let name = HTMLNode.name(node)
        let headingLike = ["h2", "h3", "h4", "h5", "h6", "a", "strong", "b"].contains(name)
            || HTMLNode.firstDescendant(of: node, where: { ["h2", "h3", "h4", "h5", "h6", "a", "strong"].contains(HTMLNode.name($0)) }) != nil
        return headingLike || text.split(separator: " ").count <= 25 ? text : nil
    }

    private func isLinkOnly(_ node: xmlNodePtr) -> Bool {
        let stats = NodeText().stats(node)
        return stats.characters < 40 && stats.linkDensity > 0.9
    }

    private func link(in node: xmlNodePtr) -> String? {
        let anchor = HTMLNode.name(node) == "a" ? node : HTMLNode.firstDescendant(of: node) { HTMLNode.name($0) == "a" }
        guard let anchor, let href = HTMLNode.attribute(anchor, "href"), !href.trimmed.isEmpty else { return nil }
        return LibXML.resolve(href, against: baseURL)
    }

    static func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }
}
