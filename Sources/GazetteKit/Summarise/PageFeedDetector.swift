import Foundation

/// Finds a page's own feed of short timed updates ("News Feed", "Latest", "Live updates"):
/// repeated blocks of a time, a headline and a sentence or two, either each in its own wrapper
/// or as a flat run of siblings.
struct PageFeedDetector {
    let baseURL: String?

    struct Found {
        var items: [PageFeedItem]
        var containers: [HTMLElement]
    }

    func detect(in root: HTMLElement) -> Found {
        var found = Found(items: [], containers: [])
        // Only ancestors (up to three levels) of two or more time-like elements can hold a feed.
        var counts: [HTMLElement: Int] = [:]
        var order: [HTMLElement] = []
        root.forEachDescendant { element in
            guard isTime(element) else { return }
            var ancestor = element.parent
            for _ in 0..<3 {
                guard let current = ancestor else { break }
                if counts[current] == nil { order.append(current) }
                counts[current, default: 0] += 1
                ancestor = current.parent
            }
        }
        let candidates = order.filter { counts[$0]! >= 2 }.sorted { $0.depth < $1.depth }
        for candidate in candidates where !found.containers.contains(where: { $0 == candidate || $0.isAncestor(of: candidate) }) {
            let children = candidate.children
            if let items = wrappedItems(children) ?? flatItems(children) {
                found.items += items
                found.containers.append(candidate)
            }
        }
        return found
    }

    /// Children that are each one item: a time, then a headline, then text.
    private func wrappedItems(_ children: [HTMLElement]) -> [PageFeedItem]? {
        var items: [PageFeedItem] = []
        for child in children {
            let parts = child.children
            guard let timeIndex = parts.prefix(3).firstIndex(where: isTime) else { continue }
            let rest = parts[(timeIndex + 1)...]
            guard let headline = rest.first.flatMap({ headlineText($0) }) else { continue }
            let text = rest.dropFirst().map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            items.append(PageFeedItem(time: parts[timeIndex].text, headline: headline,
                                      text: text.isEmpty ? nil : text, link: link(in: rest.first!)))
        }
        return items.count >= 2 && items.count * 2 >= children.count ? items : nil
    }

    /// Siblings in a run: time, headline, text..., time, headline, text...
    private func flatItems(_ children: [HTMLElement]) -> [PageFeedItem]? {
        let times = children.indices.filter { isTime(children[$0]) }
        guard times.count >= 2 else { return nil }
        var items: [PageFeedItem] = []
        for (n, index) in times.enumerated() {
            let end = n + 1 < times.count ? times[n + 1] : children.count
            guard index + 1 < end, let headline = headlineText(children[index + 1]) else { continue }
            let body = children[(index + 2)..<end].filter { !isLinkOnly($0) }
            let text = body.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            items.append(PageFeedItem(time: children[index].text, headline: headline,
                                      text: text.isEmpty ? nil : text, link: link(in: children[index + 1])))
        }
        return items.count >= 2 ? items : nil
    }

    private func isTime(_ element: HTMLElement) -> Bool {
        // The first visible byte must be a digit: a cheap test before reading the text.
        let startsWithDigit = element.firstTextByte.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        guard element.isNamed("time") || startsWithDigit else { return false }
        guard let text = element.shortText(limit: 24), !text.isEmpty, text.count <= 24 else { return false }
        return element.isNamed("time") || Self.looksLikeTime(text)
    }

    /// `12:08 PM`, `8:15`, `07.30`, `5 min ago`, `2 hours ago`.
    static func looksLikeTime(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        // A clock has its `:` or `.` within the first five bytes (two digits, one perhaps not ASCII);
        // otherwise only "... ago" can match.
        guard text.utf8.prefix(5).contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
                || text.utf8.reversed().drop(while: { $0 == 0x20 }).prefix(3).map(\.asciiLowercased).elementsEqual("oga".utf8)
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

    private func headlineText(_ element: HTMLElement) -> String? {
        guard let text = element.shortText(limit: 240), text.count >= 8, text.count <= 240, !isTime(element) else { return nil }
        let headingLike = ["h2", "h3", "h4", "h5", "h6", "a", "strong", "b"].contains(element.name)
            || element.firstDescendant(where: { ["h2", "h3", "h4", "h5", "h6", "a", "strong"].contains($0.name) }) != nil
        return headingLike || text.split(separator: " ").count <= 25 ? text : nil
    }

    private func isLinkOnly(_ element: HTMLElement) -> Bool {
        guard element.shortText(limit: 40) != nil else { return false }
        let stats = TextStatistics().stats(element)
        return element.isNamed("a") || stats.linkDensity > 0.9
    }

    private func link(in element: HTMLElement) -> String? {
        let anchor = element.isNamed("a") ? element : element.firstDescendant { $0.isNamed("a") }
        guard let anchor, let href = anchor.attribute("href"), !href.trimmed.isEmpty else { return nil }
        return WebLink.resolve(href, against: baseURL)
    }
}
