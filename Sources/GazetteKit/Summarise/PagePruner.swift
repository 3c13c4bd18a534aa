import Foundation

/// Drops what no extractor reads before libxml2 builds a tree of a page (often half its bytes, and
/// parsing is most of extraction's cost): `<script>` (JSON-LD kept), `<style>`, `<svg>`,
/// `<noscript>`, `<template>`, `<iframe>`, form controls, comments, attributes the extractor never
/// reads (`srcset`, `data-*`, event handlers…), `<link>` and `<meta>` tags in `<head>` that give no
/// metadata, all but the first character of each run of
/// whitespace in text (every reader collapses runs anyway), and `nav`/`header`/`footer` regions
/// that hold little of the page's prose.
///
/// This follows HTML tokenisation, not a guess at structure: a script or style element ends at
/// the first `</script`/`</style`, as a browser's tokenizer ends it, and attribute values are read
/// quoted or unquoted as a browser reads them. A tag that cannot be read to its end is left as it is.
enum PagePruner {
    /// Attributes some part of extraction reads; every other attribute is dropped.
    static let keptAttributes = WordTable([
        "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "lang", "rel", "href", "datetime",
        "type", "property", "name", "content",
    ].map { ($0, 1) })

    static func prune(_ page: [UInt8]) -> [UInt8] {
        page.withUnsafeBufferPointer(prune)
    }

    static func prune(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Output is at most the input plus one separating space per attribute that followed a
        // quoted value directly (at most one per four bytes).
        [UInt8](unsafeUninitializedCapacity: input.count + input.count / 4 + 64) { output, count in
            var pruning = Pruning(input: input, output: output)
            pruning.run()
            count = pruning.written
        }
    }
}

/// One pass over a page, written into a buffer allocated once.
private struct Pruning {
    private static let rawText: [[UInt8]] = HTMLVocabulary.rawTextElements.map { Array($0.utf8) }
    private static let rawTextClose: [[UInt8]] = rawText.map { Array("</".utf8) + $0 }
    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let furniture: [[UInt8]] = BoilerplateRules.prunedRegions.map { Array($0.utf8) }

    let scan: MarkupScanner
    let s: UnsafeBufferPointer<UInt8>
    let n: Int
    let output: UnsafeMutableBufferPointer<UInt8>
    private(set) var written = 0
    /// `<p>` tags on the whole page, for the furniture guard.
    private var paragraphs = 1
    /// Between `<head>` and `</head>` or `<body>`.
    private var inHead = false

    init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
        scan = MarkupScanner(input)
        s = input
        n = input.count
        self.output = output
    }

    mutating func run() {
        guard n > 0 else { return }
        paragraphs = max(1, countParagraphs(in: 0..<n))
        var i = 0
        while i < n {
            guard let lt = scan.index(of: UInt8(ascii: "<"), from: i) else {
                copyText(i..<n)
                break
            }
            copyText(i..<lt)
            i = lt
            if scan.starts(with: Self.commentOpen, at: i) {
                i = scan.find(Self.commentClose, from: i + 4).map { $0 + 3 } ?? n
                continue
            }
            guard i + 1 < n, scan.isLetter(s[i + 1]) else {
                if i + 2 < n, s[i + 1] == UInt8(ascii: "/"), scan.equalsLowercased((i + 2)..<scan.tagNameEnd(from: i + 2), Self.head) {
                    inHead = false
                }
                write(s[i])
                i += 1
                continue
            }
            let nameEnd = scan.tagNameEnd(from: i + 1)
            let name = (i + 1)..<nameEnd
            if scan.equalsLowercased(name, Self.head) {
                inHead = true
            } else if scan.equalsLowercased(name, Self.body) {
                inHead = false
            } else if inHead, !givesMetadata(name, attributesFrom: nameEnd), let end = scan.startTagEnd(from: nameEnd) {
                i = end
                continue
            }
            if let raw = Self.rawText.firstIndex(where: { scan.equalsLowercased(name, $0) }) {
                let tagEnd = scan.startTagEnd(from: nameEnd) ?? scan.index(of: UInt8(ascii: ">"), from: nameEnd).map { $0 + 1 } ?? n
                let close = scan.find(Self.rawTextClose[raw], from: tagEnd, caseInsensitive: true) ?? n
                let end = scan.index(of: UInt8(ascii: ">"), from: close).map { $0 + 1 } ?? n
                if raw == 0, isJSONLD(i..<tagEnd) { copyVerbatim(i..<end) }
                i = end
            } else if Self.furniture.contains(where: { scan.equalsLowercased(name, $0) }), let end = furnitureEnd(at: i, name: name) {
                i = end
            } else if let end = copyStartTag(at: i, nameEnd: nameEnd) {
                i = end
            } else {
                write(s[i])
                i += 1
            }
        }
    }

    // MARK: Writing

    private mutating func write(_ byte: UInt8) {
        precondition(written < output.count)
        output[written] = byte
        written += 1
    }

    private mutating func write(_ bytes: [UInt8]) {
        for byte in bytes { write(byte) }
    }

    private mutating func copyVerbatim(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(written + range.count <= output.count)
        (output.baseAddress! + written).update(from: s.baseAddress! + range.lowerBound, count: range.count)
        written += range.count
    }

    /// Text with each whitespace run cut to its first character.
    private mutating func copyText(_ range: Range<Int>) {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            // Up to and including the next whitespace byte in one copy, then skip the rest of the run.
            var j = k
            while j < end, s[j] > 0x20 || !scan.isSpace(s[j]) { j += 1 }
            if j < end { j += 1 }
            copyVerbatim(k..<j)
            k = j
            while k < end, scan.isSpace(s[k]) { k += 1 }
        }
    }

    /// Copies the start tag opening at `i` without the attributes nobody reads; the index after
    /// its `>`, or nil when the tag does not end (then nothing is written). Two attributes are
    /// reduced to what is read of them: `style` only matters when it hides the element, and a
    /// `<link>`'s `href` only on the canonical link.
    private mutating func copyStartTag(at i: Int, nameEnd: Int) -> Int? {
        let start = written
        copyVerbatim(i..<nameEnd)
        let dropsHref = scan.equalsLowercased((i + 1)..<nameEnd, Self.link) && !isCanonicalLink(attributesFrom: nameEnd)
        var j = nameEnd
        while let (name, value, end) = scan.nextAttribute(from: j) {
            defer { j = end }
            guard PagePruner.keptAttributes.value(of: s[name]) != 0 else { continue }
            if scan.equalsLowercased(name, Self.style), let value, scan.index(of: UInt8(ascii: "&"), in: value) == nil {
                if ContentExtractor.hidesElement(String(decoding: s[value], as: UTF8.self)) {
                    write(Self.hidingStyle)
                }
                continue
            }
            if dropsHref, scan.equalsLowercased(name, Self.href) { continue }
            write(0x20)
            copyVerbatim(name.lowerBound..<end)
        }
        guard let close = scan.tagClose(after: j) else {
            written = start
            return nil
        }
        if close.selfClosing { write(UInt8(ascii: "/")) }
        write(UInt8(ascii: ">"))
        return close.end
    }

    private static let link = Array("link".utf8), rel = Array("rel".utf8), canonical = Array("canonical".utf8)
    private static let head = Array("head".utf8), body = Array("body".utf8), meta = Array("meta".utf8)
    private static let metaKeys: [[UInt8]] = PageMetadata.metaKeys.map { Array($0.utf8) }

    /// False for a `<link>` that is not the canonical link and a `<meta>` whose key metadata does
    /// not read (or that has no `content`); true for every other element.
    private func givesMetadata(_ name: Range<Int>, attributesFrom start: Int) -> Bool {
        if scan.equalsLowercased(name, Self.link) { return isCanonicalLink(attributesFrom: start) }
        guard scan.equalsLowercased(name, Self.meta) else { return true }
        var key: (rank: UInt16, value: Range<Int>)?, hasContent = false
        var j = start
        while let next = scan.nextAttribute(from: j) {
            j = next.end
            guard let value = next.value else { continue }
            if scan.index(of: UInt8(ascii: "&"), in: value) != nil { return true }  // entities: leave it to the parser
            let code = PageMetadata.metaAttributes.value(of: s[next.name])
            if code == PageMetadata.metaContent {
                hasContent = true
            } else if code > 0, code < key?.rank ?? .max {
                key = (code, value)
            }
        }
        guard hasContent, let key else { return false }
        return Self.metaKeys.contains { scan.equalsLowercased(key.value, $0) }
    }

    /// Whether a `<link>`'s first `rel` is `canonical` (the one link metadata reads); an entity in a
    /// value counts as canonical, to leave it to the parser.
    private func isCanonicalLink(attributesFrom start: Int) -> Bool {
        var j = start
        while let next = scan.nextAttribute(from: j) {
            j = next.end
            guard scan.equalsLowercased(next.name, Self.rel), let value = next.value else { continue }
            return scan.index(of: UInt8(ascii: "&"), in: value) != nil || scan.equalsLowercased(value, Self.canonical)
        }
        return false
    }

    private static let href = Array("href".utf8), style = Array("style".utf8)
    /// No longer than any style attribute that hides: a space, `style=` and `display:none`.
    private static let hidingStyle = Array(" style=display:none".utf8)

    // MARK: Furniture

    /// Where a droppable furniture element opening at `i` ends (after its matching close tag).
    private func furnitureEnd(at i: Int, name: Range<Int>) -> Int? {
        let bytes = Array(s[name]).map(\.asciiLowercased)
        let close = Array("</".utf8) + bytes
        var depth = 1
        var k = i + 1
        while depth > 0 {
            guard let lt = scan.index(of: UInt8(ascii: "<"), from: k) else { return nil }  // unclosed: keep
            if lt + 1 < n, scan.isLetter(s[lt + 1]), scan.equalsLowercased((lt + 1)..<scan.tagNameEnd(from: lt + 1), bytes) {
                depth += 1
            } else if scan.starts(with: close, at: lt, caseInsensitive: true) {
                depth -= 1
            }
            k = lt + 1
        }
        guard let gt = scan.index(of: UInt8(ascii: ">"), from: k) else { return nil }
        let end = gt + 1
        return countParagraphs(in: i..<end) * 10 >= paragraphs * 3 ? nil : end
    }

    /// `<p>` and `<p ...>` tags in a range.
    private func countParagraphs(in range: Range<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        while let lt = scan.index(of: UInt8(ascii: "<"), from: i), lt < range.upperBound {
            if lt + 2 < n, s[lt + 1].asciiLowercased == UInt8(ascii: "p"), s[lt + 2] == UInt8(ascii: ">") || s[lt + 2] == 0x20 { count += 1 }
            i = lt + 1
        }
        return count
    }

    private static let jsonLD = Array("ld+json".utf8)

    private func isJSONLD(_ tag: Range<Int>) -> Bool {
        tag.contains { scan.starts(with: Self.jsonLD, at: $0, caseInsensitive: true) }
    }
}
