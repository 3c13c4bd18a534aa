import Foundation

/// Finds the article body of a page and returns its paragraphs, the way content-scoring
/// extractors do: drop page furniture, score paragraph containers by text length, commas,
/// link density and class/id hints, take the best one with its related siblings, then flatten
/// it into paragraphs in document order.
final class ContentExtractor {
    private let tree: HTMLTree
    private let headline: String?
    private let texts = TextStatistics()
    private var scores: [HTMLElement: Double] = [:]
    /// The keys of `scores` in the order they were first scored (document order of their first
    /// scored descendant): ties are broken by it, never by the dictionary's per-process order.
    private var scoredOrder: [HTMLElement] = []
    /// Paragraphs that read as article prose, found before any cleaning, with their lengths.
    private var proseParagraphs: [(element: HTMLElement, characters: Int)] = []
    private var proseCharacters = 0
    /// Characters of text on the whole page, before cleaning.
    private var pageCharacters = 0
    /// `GAZETTE_DEBUG_EXTRACT=1` reports candidates, roots and large dropped containers on stderr.
    private static let debug = ProcessInfo.processInfo.environment["GAZETTE_DEBUG_EXTRACT"] != nil

    private func debugNote(_ what: String, _ element: HTMLElement, _ detail: String) {
        guard Self.debug else { return }
        let label = "\(element.name).\(element.attribute("class") ?? "")#\(element.attribute("id") ?? "")"
        FileHandle.standardError.write(Data("\(what) \(label) \(detail)\n".utf8))
    }

    init(tree: HTMLTree, headline: String?) {
        self.tree = tree
        self.headline = headline
    }

    /// The body paragraphs; empty when the page has no article body.
    func paragraphs(excluding removed: [HTMLElement]) -> [String] {
        guard let body = tree.body ?? tree.root else { return [] }
        for element in removed { tree.detach(element) }
        body.forEachDescendant { element in
            guard TagTable.flags(element).contains(.prose) else { return }
            let stats = texts.stats(element)
            if stats.characters >= 80, stats.linkDensity < 0.3 { proseParagraphs.append((element, stats.characters)) }
        }
        proseCharacters = proseParagraphs.reduce(0) { $0 + $1.characters }
        // only pages with little <p> prose read it (holdsTheArticle)
        pageCharacters = proseCharacters < 500 ? texts.stats(body).characters : 0
        clean(body)
        texts.forget()
        let roots = articleBodyRoots(under: body) ?? bestCandidate(under: body).map(withRelatedSiblings) ?? [body]
        for root in roots { debugNote("root", root, "score=\(scores[root] ?? -1)") }
        var flattener = Flattener(headline: headline)
        for root in roots { flattener.walk(root) }
        return flattener.finish()
    }

    // MARK: Cleaning

    /// Drops furniture below `element`; comments are never part of the element view.
    private func clean(_ element: HTMLElement) {
        for child in element.children {
            if shouldDrop(child) {
                if Self.debug, texts.stats(child).characters > 500 {
                    debugNote("drop", child, "chars=\(texts.stats(child).characters)")
                }
                tree.detach(child)
            } else {
                clean(child)
            }
        }
    }

    private func shouldDrop(_ element: HTMLElement) -> Bool {
        let flags = TagTable.flags(element)
        if flags.contains(.neverText) { return true }
        if flags.contains(.furniture) { return !holdsTheArticle(element) }
        // Without attributes there is no class, role or hidden flag to go by.
        if !element.hasAttributes || flags.contains(.page) { return false }
        let values = ReadAttributes(element)
        if values.hidden || values.ariaHidden?.equals("true") == true { return true }
        if let style = values.style, Self.hidesElement(style.string) { return true }
        if let role = values.role, BoilerplateRules.droppedRoles.contains(role.string.lowercased()) {
            return !holdsTheArticle(element)
        }
        if flags.contains(.articleOrMain) || values.itemprop?.equalsIgnoringASCIICase("articlebody") == true { return false }
        let hint = values.hints
        guard hint.strong || (hint.negative && !hint.positive) else { return false }
        return !holdsTheArticle(element)
    }

    /// The attributes cleaning and scoring read, borrowed from the tree in one pass over the list.
    private struct ReadAttributes {
        var hidden = false
        var ariaHidden, style, role, itemprop, `class`, id: MarkupText?

        /// The attributes read, by their code in `names` (0 is any other attribute).
        private enum Name: UInt16, CaseIterable {
            case hidden = 1, ariaHidden, style, role, itemprop, `class`, id

            var spelling: String { self == .ariaHidden ? "aria-hidden" : "\(self)" }
        }

        private static let names = WordTable(Name.allCases.map { ($0.spelling, $0.rawValue) })

        init(_ element: HTMLElement) {
            var read = ReadAttributes()
            element.forEachAttribute { name, value in
                switch Name(rawValue: name.value(in: Self.names)) {
                case .hidden?: read.hidden = true
                case .ariaHidden?: read.ariaHidden = value
                case .style?: read.style = value
                case .role?: read.role = value
                case .itemprop?: read.itemprop = value
                case .class?: read.class = value
                case .id?: read.id = value
                case nil: break
                }
            }
            self = read
        }

        private init() {}

        /// Hints of the class words, then the id words.
        var hints: BoilerplateRules.Hints {
            var hints = BoilerplateRules.Hints()
            Self.read(`class`, into: &hints)
            Self.read(id, into: &hints)
            return hints
        }

        private static func read(_ value: MarkupText?, into hints: inout BoilerplateRules.Hints) {
            guard let value else { return }
            for byte in value { hints.read(byte) }
            hints.endWord()
        }
    }

    /// An element holding a large share of the page's prose is never dropped, whatever its name
    /// or class says (`content-with-sidebar`, `article modal-enabled`, a page-wide `<form>`).
    /// On a page with hardly any `<p>` prose (a forum of `<div>`s, say), an element holding half the
    /// page's text, with few links, holds the article.
    private func holdsTheArticle(_ element: HTMLElement) -> Bool {
        if proseCharacters < 500, pageCharacters > 0 {
            let stats = texts.stats(element)
            if Double(stats.characters) >= 0.5 * Double(pageCharacters), stats.linkDensity < 0.3 { return true }
        }
        guard proseCharacters > 0 else { return false }
        var inside = 0
        for paragraph in proseParagraphs where element.isAncestor(of: paragraph.element) { inside += paragraph.characters }
        return Double(inside) >= 0.3 * Double(proseCharacters)
    }


    /// `display:none` or `visibility:hidden` in a style attribute, any case, spaces ignored.
    static func hidesElement(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 { compact.append(byte.asciiLowercased) }
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

    // MARK: Explicit markup

    /// `itemprop="articleBody"` elements, when they hold a real body.
    private func articleBodyRoots(under body: HTMLElement) -> [HTMLElement]? {
        var roots: [HTMLElement] = []
        body.forEachDescendant { element in
            if element.attribute("itemprop")?.lowercased() == "articlebody", !roots.contains(where: { $0.isAncestor(of: element) }) {
                roots.append(element)
            }
        }
        let characters = roots.reduce(0) { $0 + texts.stats($1).characters }
        return characters >= 400 ? roots : nil
    }

    // MARK: Scoring

    private func bestCandidate(under body: HTMLElement) -> HTMLElement? {
        body.forEachDescendant { element in
            let flags = TagTable.flags(element)
            guard flags.contains(.scored) || (flags.contains(.div) && !hasBlockChildren(element)) else { return }
            let stats = texts.stats(element)
            guard stats.characters >= 25 else { return }
            // Commas say prose, but a cell of a comma-separated list is not more prose than a paragraph.
            let score = 1 + Double(min(stats.commas, 10)) + min(Double(stats.characters / 100), 3)
            var ancestor = element.parent
            var level = 0
            while let current = ancestor, level < 5 {
                if scores[current] == nil {
                    scores[current] = initialScore(current)
                    scoredOrder.append(current)
                }
                scores[current]! += level == 0 ? score : level == 1 ? score / 2 : score / Double(level * 3)
                ancestor = current.parent
                level += 1
            }
        }
        var best: (element: HTMLElement, score: Double)?
        for element in scoredOrder {
            let adjusted = scores[element]! * (1 - texts.stats(element).linkDensity)
            scores[element] = adjusted
            if adjusted > (best?.score ?? 0) { best = (element, adjusted) }
        }
        if Self.debug {
            for element in byScore(scoredOrder).prefix(6) {
                debugNote("candidate", element, "\(scores[element]!) ld=\(texts.stats(element).linkDensity)")
            }
        }
        guard var top = best?.element else { return nil }
        // When three or more of the next-best candidates (within 75% of the best) share an ancestor
        // with it, the body is that ancestor: the paragraphs were split into many small containers.
        let topScore = best!.score
        let alternatives = byScore(scoredOrder.filter { $0 != top && scores[$0]! >= 0.75 * topScore }).prefix(4)
        if alternatives.count >= 3 {
            var ancestor = top.parent
            while let current = ancestor, !current.isNamed("body") {
                if alternatives.filter({ current.isAncestor(of: $0) }).count >= 3 {
                    top = current
                    break
                }
                ancestor = current.parent
            }
        }
        // Move up while a parent scores better, or the candidate is an only child.
        var lastScore = scores[top] ?? topScore
        var parent = top.parent
        while let current = parent, !current.isNamed("body") {
            guard let parentScore = scores[current] else { parent = current.parent; continue }
            if parentScore < topScore / 3 { break }
            if parentScore > lastScore { top = current; break }
            lastScore = parentScore
            parent = current.parent
        }
        while let up = top.parent, !up.isNamed("body"), up.children.count == 1 {
            top = up
        }
        return top
    }

    /// Highest score first; equal scores keep their order in `elements`.
    private func byScore(_ elements: [HTMLElement]) -> [HTMLElement] {
        elements.enumerated().sorted { a, b in
            let (x, y) = (scores[a.element]!, scores[b.element]!)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    private func initialScore(_ element: HTMLElement) -> Double {
        var score: Double
        switch element.name {
        case "div": score = 5
        case "article": score = 10
        case "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        if element.hasAttributes {
            let hint = ReadAttributes(element).hints
            if hint.positive { score += 25 }
            if hint.negative { score -= 25 }
        }
        return score
    }

    private func hasBlockChildren(_ element: HTMLElement) -> Bool {
        element.firstDescendant { TagTable.flags($0).contains(.block) } != nil
    }

    /// The first word of a class attribute (`text-block` of `text-block wide`).
    private static func firstClassWord(_ value: String) -> Substring {
        value.split(separator: " ").first ?? ""
    }

    /// Whether a paragraph below reads as article prose (80 characters or more, few links).
    private func hasProseParagraph(_ element: HTMLElement) -> Bool {
        element.firstDescendant { child in
            guard TagTable.flags(child).contains(.prose) else { return false }
            let stats = texts.stats(child)
            return stats.characters >= 80 && stats.linkDensity < 0.3
        } != nil
    }

    /// The candidate with the siblings that look like part of the same article.
    private func withRelatedSiblings(_ top: HTMLElement) -> [HTMLElement] {
        guard let parent = top.parent, !top.isNamed("body") else { return [top] }
        let topScore = scores[top] ?? 0
        let threshold = max(10, topScore * 0.2)
        let topClass = top.attribute("class") ?? ""
        var result: [HTMLElement] = []
        for sibling in parent.children {
            if sibling == top {
                result.append(sibling)
                continue
            }
            var score = scores[sibling] ?? 0
            let siblingClass = sibling.attribute("class") ?? ""
            if !topClass.isEmpty, siblingClass == topClass { score += topScore * 0.2 }
            let linkDensity = texts.stats(sibling).linkDensity
            if score >= threshold {
                // A high score from many short links is a "more stories" grid, not more article.
                if linkDensity < 0.25 { result.append(sibling) }
            } else if Self.firstClassWord(siblingClass) == Self.firstClassWord(topClass), !topClass.isEmpty,
                      sibling.name == top.name, linkDensity < 0.2, hasProseParagraph(sibling) {
                // The next box of the same kind (page builders split a body into rows and columns).
                result.append(sibling)
            } else if sibling.isNamed("p") {
                let stats = texts.stats(sibling)
                let text = sibling.text
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
    static let blockTags: Set<String> = HTMLVocabulary.blockElements.union(["li", "dd", "dt", "figure", "center"]).subtracting(["td", "th"])

    let headline: String?
    private var paragraphs: [String] = []
    /// Which paragraphs were headings (`h2`–`h6`), for trimming trailing ones.
    private var headings: [Bool] = []
    private var inHeading = false
    /// The paragraph being built, as UTF-8 with whitespace already collapsed.
    private var current: [UInt8] = []
    private var pendingSpace = false
    private var linkBytes = 0

    init(headline: String?) {
        self.headline = headline
    }

    mutating func walk(_ element: HTMLElement) {
        let flags = TagTable.flags(element)
        if flags.contains(.lineBreak) { return flush() }  // <br>, and <h1>: the headline is shown apart
        let block = flags.contains(.block)
        if block { flush() }
        let heading = flags.contains(.heading)
        if heading { inHeading = true }
        defer { if heading { inHeading = false } }
        if flags.contains(.cell) { pendingSpace = !current.isEmpty }
        let before = current.count
        element.forEachChild { child in
            switch child {
            case .element(let inner): walk(inner)
            case .text(let content): append(content)
            }
        }
        if flags.contains(.anchor) { linkBytes += current.count - before }
        if block { flush() }
    }

    private mutating func append(_ content: MarkupText) {
        var i = 0
        while content[i] != 0 {
            let byte = content[i]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = !current.isEmpty
            } else if byte == 0xC2, content[i + 1] == 0xA0 {  // no-break space
                pendingSpace = !current.isEmpty
                i += 1
            } else {
                if pendingSpace { current.append(0x20) }
                pendingSpace = false
                current.append(byte)
            }
            i += 1
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
        if current.contains(where: { $0 >= 0x80 }) { text = Self.normalized(text) }
        let hasASCIIWord = current.contains { $0.isASCIILetter || $0.isASCIIDigit }
        guard hasASCIIWord || text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return }
        if Double(linkBytes) > 0.5 * Double(current.count), current.count < 300 { return }
        if BoilerplateRules.isJunk(text) { return }
        if paragraphs.last == text { return }
        paragraphs.append(text)
        headings.append(inHeading)
    }

    /// Non-ASCII text as readers compare it: Unicode spaces collapsed, invisible characters (soft
    /// hyphens, zero-width spaces and joiners, byte-order marks) removed, composed (NFC).
    static func normalized(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.contains(where: { invisible.contains($0.value) }) {
            text.unicodeScalars.removeAll { invisible.contains($0.value) }
        }
        return text.precomposedStringWithCanonicalMapping.collapsingWhitespace
    }

    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x2060, 0xFEFF]

    /// Lower-casing changes a text's UTF-8 length by at most a factor of three (K KELVIN SIGN, three
    /// bytes, becomes `k`; İ, two bytes, becomes three), so texts further apart can never match.
    private static func mayBeEqualLowercased(_ a: String, _ b: String) -> Bool {
        a.utf8.count <= 3 * b.utf8.count && b.utf8.count <= 3 * a.utf8.count
    }

    mutating func finish() -> [String] {
        flush()
        var result: [String] = []
        let credits = paragraphs.map(LeadPicker.isPhotoCredit)
        var resultHeadings: [Bool] = []
        for (index, paragraph) in paragraphs.enumerated() {
            // A caption is the line before a photo credit; both go.
            if credits[index] { continue }
            if index + 1 < paragraphs.count, credits[index + 1], !LeadPicker.isProse(paragraph) || paragraph.utf8.count < 300 {
                continue
            }
            result.append(paragraph)
            resultHeadings.append(headings[index])
        }
        // A short heading or a line ending in ":" at the very end introduces what was not taken
        // ("Related stories:", "More on this topic").
        while let last = result.last, result.count > 1, last.count < 80, resultHeadings.last == true || last.hasSuffix(":") {
            result.removeLast()
            resultHeadings.removeLast()
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
