import CLibXML2
import Foundation

/// Finds the article body of a page and returns its paragraphs, the way content-scoring
/// extractors do: drop page furniture, score paragraph containers by text length, commas,
/// link density and class/id hints, take the best one with its related siblings, then flatten
/// it into paragraphs in document order.
final class ContentExtractor {
    private let tree: HTMLTree
    private let headline: String?
    private let texts = NodeText()
    private var scores: [UnsafeMutableRawPointer: Double] = [:]
    /// The keys of `scores` in the order they were first scored (document order of their first
    /// scored descendant): ties are broken by it, never by the dictionary's per-process order.
    private var scoredOrder: [UnsafeMutableRawPointer] = []
    /// Paragraphs that read as article prose, found before any cleaning, with their lengths.
    private var proseParagraphs: [(node: xmlNodePtr, characters: Int)] = []
    private var proseCharacters = 0
    /// Unlinked subtrees, freed only when extraction is over: cached statistics and the prose list
    /// point into them, and a freed address could be reused by a later allocation.
    private var detached: [xmlNodePtr] = []
    /// `GAZETTE_DEBUG_EXTRACT=1` reports candidates, roots and large dropped containers on stderr.
    private static let debug = ProcessInfo.processInfo.environment["GAZETTE_DEBUG_EXTRACT"] != nil

    private func debugNote(_ what: String, _ node: xmlNodePtr, _ detail: String) {
        guard Self.debug else { return }
        let label = "\(HTMLNode.name(node)).\(HTMLNode.attribute(node, "class") ?? "")#\(HTMLNode.attribute(node, "id") ?? "")"
        FileHandle.standardError.write(Data("\(what) \(label) \(detail)\n".utf8))
    }

    deinit {
        guard !tree.inRegion else { return }  // freed with the region
        for node in detached { xmlFreeNode(node) }
    }

    init(tree: HTMLTree, headline: String?) {
        self.tree = tree
        self.headline = headline
    }

    /// The body paragraphs; empty when the page has no article body.
    func paragraphs(excluding removed: [xmlNodePtr]) -> [String] {
        guard let body = tree.body ?? tree.root else { return [] }
        for node in removed { detach(node) }
        HTMLNode.forEachElement(under: body) { element in
            guard TagTable.flags(element).contains(.prose) else { return }
            let stats = texts.stats(element)
            if stats.characters >= 80, stats.linkDensity < 0.3 { proseParagraphs.append((element, stats.characters)) }
        }
        proseCharacters = proseParagraphs.reduce(0) { $0 + $1.characters }
        clean(body)
        texts.forget()
        let roots = articleBodyRoots(under: body) ?? bestCandidate(under: body).map(withRelatedSiblings) ?? [body]
        for root in roots { debugNote("root", root, "score=\(scores[UnsafeMutableRawPointer(root)] ?? -1)") }
        var flattener = Flattener(headline: headline)
        for root in roots { flattener.walk(root) }
        return flattener.finish()
    }

    // MARK: Cleaning

    private func clean(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            let next = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if shouldDrop(current) {
                    if Self.debug, texts.stats(current).characters > 500 {
                        debugNote("drop", current, "chars=\(texts.stats(current).characters)")
                    }
                    detach(current)
                } else {
                    clean(current)
                }
            case XML_COMMENT_NODE, XML_PI_NODE:
                detach(current)
            default:
                break
            }
            child = next
        }
    }

    private func shouldDrop(_ node: xmlNodePtr) -> Bool {
        let flags = TagTable.flags(node)
        if flags.contains(.neverText) { return true }
        if flags.contains(.furniture) { return !holdsTheArticle(node) }
        // Without attributes there is no class, role or hidden flag to go by.
        if node.pointee.properties == nil || flags.contains(.page) { return false }
        let values = ReadAttributes(node)
        if values.hidden || values.ariaHidden.map({ strcmp($0, "true") == 0 }) == true { return true }
        if let style = values.style, Self.hidesElement(String(cString: style)) { return true }
        if let role = values.role, BoilerplateRules.droppedRoles.contains(String(cString: role).lowercased()) {
            return !holdsTheArticle(node)
        }
        if flags.contains(.articleOrMain) || values.itemprop.map({ strcasecmp($0, "articlebody") == 0 }) == true { return false }
        let hint = values.hints
        guard hint.strong || (hint.negative && !hint.positive) else { return false }
        return !holdsTheArticle(node)
    }

    /// The attributes cleaning and scoring read, borrowed from the tree in one pass over the list.
    private struct ReadAttributes {
        var hidden = false
        var ariaHidden, style, role, itemprop, `class`, id: UnsafePointer<CChar>?

        private static let names = WordTable([
            ("hidden", 1), ("aria-hidden", 2), ("style", 3), ("role", 4), ("itemprop", 5), ("class", 6), ("id", 7),
        ])

        init(_ node: xmlNodePtr) {
            var attribute = node.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name {
                    let value = HTMLNode.value(of: current)
                    switch Self.names.value(cString: name) {
                    case 1: hidden = true
                    case 2: ariaHidden = value
                    case 3: style = value
                    case 4: role = value
                    case 5: itemprop = value
                    case 6: `class` = value
                    case 7: id = value
                    default: break
                    }
                }
                attribute = current.pointee.next
            }
        }

        /// Hints of the class words, then the id words.
        var hints: BoilerplateRules.Hints {
            var hints = BoilerplateRules.Hints()
            Self.read(`class`, into: &hints)
            Self.read(id, into: &hints)
            return hints
        }

        private static func read(_ value: UnsafePointer<CChar>?, into hints: inout BoilerplateRules.Hints) {
            guard let value else { return }
            hints.read(cString: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self))
            hints.endWord()
        }
    }

    /// An element holding a large share of the page's prose is never dropped, whatever its name
    /// or class says (`content-with-sidebar`, `article modal-enabled`, a page-wide `<form>`).
    private func holdsTheArticle(_ node: xmlNodePtr) -> Bool {
        guard proseCharacters > 0 else { return false }
        var inside = 0
        for paragraph in proseParagraphs where HTMLNode.isAncestor(node, of: paragraph.node) { inside += paragraph.characters }
        return Double(inside) >= 0.3 * Double(proseCharacters)
    }


    /// `display:none` or `visibility:hidden` in a style attribute, any case, spaces ignored.
    static func hidesElement(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        func has(_ needle: String) -> Bool {
            let pattern = Array(needle.utf8)
            guard compact.count >= pattern.count else { return false }
            for start in 0...(compact.count - pattern.count) where compact[start] == pattern[0] {
                if compact[start..<start + pattern.count].elementsEqual(pattern) { return true }
            }
            return false
        }
        return has("display:none") || has("visibility:hidden")
    }

    private func detach(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        detached.append(node)
    }

    // MARK: Explicit markup

    /// `itemprop="articleBody"` elements, when they hold a real body.
    private func articleBodyRoots(under body: xmlNodePtr) -> [xmlNodePtr]? {
        var roots: [xmlNodePtr] = []
        HTMLNode.forEachElement(under: body) { element in
            if HTMLNode.attribute(element, "itemprop")?.lowercased() == "articlebody",
               !roots.contains(where: { HTMLNode.isAncestor($0, of: element) }) {
                roots.append(element)
            }
        }
        let characters = roots.reduce(0) { $0 + texts.stats($1).characters }
        return characters >= 400 ? roots : nil
    }

    // MARK: Scoring

    private func bestCandidate(under body: xmlNodePtr) -> xmlNodePtr? {
        HTMLNode.forEachElement(under: body) { element in
            let flags = TagTable.flags(element)
            guard flags.contains(.scored) || (flags.contains(.div) && !hasBlockChildren(element)) else { return }
            let stats = texts.stats(element)
            guard stats.characters >= 25 else { return }
            let score = 1 + Double(stats.commas) + min(Double(stats.characters / 100), 3)
            var ancestor = element.pointee.parent
            var level = 0
            while let current = ancestor, current.pointee.type == XML_ELEMENT_NODE, level < 5 {
                let key = UnsafeMutableRawPointer(current)
                if scores[key] == nil {
                    scores[key] = initialScore(current)
                    scoredOrder.append(key)
                }
                scores[key]! += level == 0 ? score : level == 1 ? score / 2 : score / Double(level * 3)
                ancestor = current.pointee.parent
                level += 1
            }
        }
        var best: (node: xmlNodePtr, score: Double)?
        for key in scoredOrder {
            let score = scores[key]!
            let node = key.assumingMemoryBound(to: xmlNode.self)
            let adjusted = score * (1 - texts.stats(node).linkDensity)
            scores[key] = adjusted
            if adjusted > (best?.score ?? 0) { best = (node, adjusted) }
        }
        if Self.debug {
            for key in byScore(scoredOrder).prefix(6) {
                let node = key.assumingMemoryBound(to: xmlNode.self)
                let score = scores[key]!
                debugNote("candidate", node, "\(score) ld=\(texts.stats(node).linkDensity)")
            }
        }
        guard var top = best?.node else { return nil }
        // When three or more of the next-best candidates (within 75% of the best) share an ancestor
        // with it, the body is that ancestor: the paragraphs were split into many small containers.
        let topScore = best!.score
        let alternatives = byScore(scoredOrder.filter { $0 != UnsafeMutableRawPointer(top) && scores[$0]! >= 0.75 * topScore })
            .prefix(4).map { $0.assumingMemoryBound(to: xmlNode.self) }
        if alternatives.count >= 3 {
            var ancestor = top.pointee.parent
            while let current = ancestor, HTMLNode.name(current) != "body", current.pointee.type == XML_ELEMENT_NODE {
                if alternatives.filter({ HTMLNode.isAncestor(current, of: $0) }).count >= 3 {
                    top = current
                    break
                }
                ancestor = current.pointee.parent
            }
        }
        // Move up while a parent scores better, or the candidate is an only child.
        var lastScore = scores[UnsafeMutableRawPointer(top)] ?? topScore
        var parent = top.pointee.parent
        while let current = parent, HTMLNode.name(current) != "body", current.pointee.type == XML_ELEMENT_NODE {
            guard let parentScore = scores[UnsafeMutableRawPointer(current)] else { parent = current.pointee.parent; continue }
            if parentScore < topScore / 3 { break }
            if parentScore > lastScore { top = current; break }
            lastScore = parentScore
            parent = current.pointee.parent
        }
        while let up = top.pointee.parent, HTMLNode.name(up) != "body", HTMLNode.elementChildren(up).count == 1 {
            top = up
        }
        return top
    }

    /// Highest score first; equal scores keep their order in `keys`.
    private func byScore(_ keys: [UnsafeMutableRawPointer]) -> [UnsafeMutableRawPointer] {
        keys.enumerated().sorted { a, b in
            let (x, y) = (scores[a.element]!, scores[b.element]!)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    private func initialScore(_ node: xmlNodePtr) -> Double {
        var score: Double
        switch HTMLNode.name(node) {
        case "div": score = 5
        case "article": score = 10
        case "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if node.pointee.properties != nil {
            let hint = ReadAttributes(node).hints
            if hint.positive { score += 25 }
            if hint.negative { score -= 25 }
        }
        return score
    }

    private func hasBlockChildren(_ node: xmlNodePtr) -> Bool {
        HTMLNode.firstDescendant(of: node) { TagTable.flags($0).contains(.block) } != nil
    }

    /// The candidate with the siblings that look like part of the same article.
    private func withRelatedSiblings(_ top: xmlNodePtr) -> [xmlNodePtr] {
        guard let parent = top.pointee.parent, HTMLNode.name(top) != "body" else { return [top] }
        let topScore = scores[UnsafeMutableRawPointer(top)] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = HTMLNode.attribute(top, "class") ?? ""
        var result: [xmlNodePtr] = []
        for sibling in HTMLNode.elementChildren(parent) {
            if sibling == top {
                result.append(sibling)
                continue
            }
            var score = scores[UnsafeMutableRawPointer(sibling)] ?? 0
            if !topClass.isEmpty, HTMLNode.attribute(sibling, "class") == topClass { score += topScore * 0.2 }
            if score >= threshold {
                result.append(sibling)
            } else if HTMLNode.name(sibling) == "p" {
                let stats = texts.stats(sibling)
                let text = NodeText.text(sibling)
                if (stats.characters > 80 && stats.linkDensity < 0.25)
                    || (stats.characters > 0 && stats.characters <= 80 && stats.linkDensity == 0 && text.hasSuffix(".")) {
                    result.append(sibling)
                }
            }
        }
        return result
    }
}

/// Turns a subtree into paragraphs: block elements and `<br>` end a paragraph, inline elements
/// join; furniture by wording and link-heavy lines are left out.
struct Flattener {
    /// Table cells join with a space, so a row reads as one line.
    static let blockTags: Set<String> = HTMLText.blockElements.union(["li", "dd", "dt", "figure", "center"]).subtracting(["td", "th"])

    let headline: String?
    private var paragraphs: [String] = []
    /// The paragraph being built, as UTF-8 with whitespace already collapsed.
    private var current: [UInt8] = []
    private var pendingSpace = false
    private var linkBytes = 0

    init(headline: String?) {
        self.headline = headline
    }

    mutating func walk(_ node: xmlNodePtr) {
        guard node.pointee.type == XML_ELEMENT_NODE else {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                append(content)
            }
            return
        }
        let flags = TagTable.flags(node)
        if flags.contains(.lineBreak) { return flush() }  // <br>, and <h1>: the headline is shown apart
        let block = flags.contains(.block)
        if block { flush() }
        if flags.contains(.cell) { pendingSpace = !current.isEmpty }
        let before = current.count
        var child = node.pointee.children
        while let next = child {
            walk(next)
            child = next.pointee.next
        }
        if flags.contains(.anchor) { linkBytes += current.count - before }
        if block { flush() }
    }

    private mutating func append(_ content: UnsafeMutablePointer<xmlChar>) {
        var p = content
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = !current.isEmpty
            } else if byte == 0xC2, p[1] == 0xA0 {  // no-break space
                pendingSpace = !current.isEmpty
                p += 1
            } else {
                if pendingSpace { current.append(0x20) }
                pendingSpace = false
                current.append(byte)
            }
            p += 1
        }
    }

    private mutating func flush() {
        defer {
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
            linkBytes = 0
        }
        guard !current.isEmpty else { return }
        var text = String(decoding: current, as: UTF8.self)
        if current.contains(where: { $0 >= 0x80 }) { text = text.collapsingWhitespace }  // Unicode spaces
        let hasASCIIWord = current.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }
        guard hasASCIIWord || text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return }
        if Double(linkBytes) > 0.5 * Double(current.count), current.count < 300 { return }
        if BoilerplateRules.isJunk(text) { return }
        if paragraphs.last == text { return }
        paragraphs.append(text)
    }

    /// Lower-casing changes a text's UTF-8 length by at most a factor of three (K KELVIN SIGN, three
    /// bytes, becomes `k`; İ, two bytes, becomes three), so texts further apart can never match.
    private static func mayBeEqualLowercased(_ a: String, _ b: String) -> Bool {
        a.utf8.count <= 3 * b.utf8.count && b.utf8.count <= 3 * a.utf8.count
    }

    mutating func finish() -> [String] {
        flush()
        var result: [String] = []
        let credits = paragraphs.map(LeadPicker.isPhotoCredit)
        for (index, paragraph) in paragraphs.enumerated() {
            // A caption is the line before a photo credit; both go.
            if credits[index] { continue }
            if index + 1 < paragraphs.count, credits[index + 1], !LeadPicker.isProse(paragraph) || paragraph.utf8.count < 300 {
                continue
            }
            result.append(paragraph)
        }
        if let headline, let first = result.first, Self.mayBeEqualLowercased(first, headline),
           first.lowercased() == headline.lowercased() {
            result.removeFirst()
        }
        // Furniture before the first prose: stamps, bylines, labels, reading times, navigation words.
        while let first = result.first, result.count > 1,
              LeadPicker.isFurniture(first) || (LeadPicker.isLabel(first) && result.dropFirst().prefix(3).contains(where: LeadPicker.isProse)) {
            result.removeFirst()
        }
        return result
    }
}
