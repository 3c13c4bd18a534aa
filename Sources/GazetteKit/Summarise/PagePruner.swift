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
    private static let rawText: [[UInt8]] = ["script", "style", "svg", "noscript", "template", "iframe", "select", "textarea"]
        .map { Array($0.utf8) }
    private static let rawTextClose: [[UInt8]] = rawText.map { Array("</".utf8) + $0 }
    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let furniture: [[UInt8]] = ["nav", "header", "footer"].map { Array($0.utf8) }

    let s: UnsafeBufferPointer<UInt8>
    let n: Int
    let output: UnsafeMutableBufferPointer<UInt8>
    private(set) var written = 0
    /// `<p>` tags on the whole page, for the furniture guard.
    private var paragraphs = 1
    /// Between `<head>` and `</head>` or `<body>`.
    private var inHead = false

    init(input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
        s = input
        n = input.count
        self.output = output
    }

    mutating func run() {
        guard n > 0 else { return }
        paragraphs = max(1, countParagraphs(in: 0..<n))
        var i = 0
        while i < n {
            guard let lt = index(of: UInt8(ascii: "<"), from: i) else {
                copyText(i..<n)
                break
            }
            copyText(i..<lt)
            i = lt
            if starts(with: Self.commentOpen, at: i) {
                i = find(Self.commentClose, from: i + 4).map { $0 + 3 } ?? n
                continue
            }
            guard i + 1 < n, isLetter(s[i + 1]) else {
                if i + 2 < n, s[i + 1] == UInt8(ascii: "/"), equalsLowercased((i + 2)..<tagNameEnd(from: i + 2), Self.head) {
                    inHead = false
                }
                write(s[i])
                i += 1
                continue
            }
            let nameEnd = tagNameEnd(from: i + 1)
            let name = (i + 1)..<nameEnd
            if equalsLowercased(name, Self.head) {
                inHead = true
            } else if equalsLowercased(name, Self.body) {
                inHead = false
            } else if inHead, !givesMetadata(name, attributesFrom: nameEnd), let end = startTagEnd(from: nameEnd) {
                i = end
                continue
            }
            if let raw = Self.rawText.firstIndex(where: { equalsLowercased(name, $0) }) {
                let tagEnd = startTagEnd(from: nameEnd) ?? index(of: UInt8(ascii: ">"), from: nameEnd).map { $0 + 1 } ?? n
                let close = find(Self.rawTextClose[raw], from: tagEnd, caseInsensitive: true) ?? n
                let end = index(of: UInt8(ascii: ">"), from: close).map { $0 + 1 } ?? n
                if raw == 0, isJSONLD(i..<tagEnd) { copyVerbatim(i..<end) }
                i = end
            } else if Self.furniture.contains(where: { equalsLowercased(name, $0) }), let end = furnitureEnd(at: i, name: name) {
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
            while j < end, s[j] > 0x20 || !isSpace(s[j]) { j += 1 }
            if j < end { j += 1 }
            copyVerbatim(k..<j)
            k = j
            while k < end, isSpace(s[k]) { k += 1 }
        }
    }

    /// Copies the start tag opening at `i` without the attributes nobody reads; the index after
    /// its `>`, or nil when the tag does not end (then nothing is written). Two attributes are
    /// reduced to what is read of them: `style` only matters when it hides the element, and a
    /// `<link>`'s `href` only on the canonical link.
    private mutating func copyStartTag(at i: Int, nameEnd: Int) -> Int? {
        let start = written
        copyVerbatim(i..<nameEnd)
        let dropsHref = equalsLowercased((i + 1)..<nameEnd, Self.link) && !isCanonicalLink(attributesFrom: nameEnd)
        var j = nameEnd
        while let (name, value, end) = nextAttribute(from: j) {
            defer { j = end }
            guard PagePruner.keptAttributes.value(of: s[name]) != 0 else { continue }
            if equalsLowercased(name, Self.style), let value, index(of: UInt8(ascii: "&"), in: value) == nil {
                if ContentExtractor.hidesElement(String(decoding: s[value], as: UTF8.self)) {
                    write(Self.hidingStyle)
                }
                continue
            }
            if dropsHref, equalsLowercased(name, Self.href) { continue }
            write(0x20)
            copyVerbatim(name.lowerBound..<end)
        }
        guard let close = tagClose(after: j) else {
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
        if equalsLowercased(name, Self.link) { return isCanonicalLink(attributesFrom: start) }
        guard equalsLowercased(name, Self.meta) else { return true }
        var key: (rank: UInt16, value: Range<Int>)?, hasContent = false
        var j = start
        while let next = nextAttribute(from: j) {
            j = next.end
            guard let value = next.value else { continue }
            if index(of: UInt8(ascii: "&"), in: value) != nil { return true }  // entities: leave it to the parser
            let code = PageMetadata.metaAttributes.value(of: s[next.name])
            if code == PageMetadata.metaContent {
                hasContent = true
            } else if code > 0, code < key?.rank ?? .max {
                key = (code, value)
            }
        }
        guard hasContent, let key else { return false }
        return Self.metaKeys.contains { equalsLowercased(key.value, $0) }
    }

    /// Whether a `<link>`'s first `rel` is `canonical` (the one link metadata reads); an entity in a
    /// value counts as canonical, to leave it to the parser.
    private func isCanonicalLink(attributesFrom start: Int) -> Bool {
        var j = start
        while let next = nextAttribute(from: j) {
            j = next.end
            guard equalsLowercased(next.name, Self.rel), let value = next.value else { continue }
            return index(of: UInt8(ascii: "&"), in: value) != nil || equalsLowercased(value, Self.canonical)
        }
        return false
    }

    private static let href = Array("href".utf8), style = Array("style".utf8)
    /// No longer than any style attribute that hides: a space, `style=` and `display:none`.
    private static let hidingStyle = Array(" style=display:none".utf8)

    /// The next attribute of a start tag from `j` on, if any before its end.
    private func nextAttribute(from j: Int) -> (name: Range<Int>, value: Range<Int>?, end: Int)? {
        var j = j
        while j < n, isSpace(s[j]) || s[j] == UInt8(ascii: "/") { j += 1 }
        guard j < n, s[j] != UInt8(ascii: ">") else { return nil }
        return attribute(at: j)
    }

    /// The attribute starting at `j`: its name's range, its value's range (without quotes) and the
    /// index after it.
    private func attribute(at j: Int) -> (name: Range<Int>, value: Range<Int>?, end: Int)? {
        var k = j + 1  // a name may start with `=`
        while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">"), s[k] != UInt8(ascii: "=") { k += 1 }
        let name = j..<k
        var v = k
        while v < n, isSpace(s[v]) { v += 1 }
        guard v < n, s[v] == UInt8(ascii: "=") else { return (name, nil, k) }
        v += 1
        while v < n, isSpace(s[v]) { v += 1 }
        guard v < n else { return nil }
        if s[v] == UInt8(ascii: "\"") || s[v] == UInt8(ascii: "'") {
            guard let close = index(of: s[v], from: v + 1) else { return nil }
            return (name, (v + 1)..<close, close + 1)
        }
        let valueStart = v
        while v < n, !isSpace(s[v]), s[v] != UInt8(ascii: ">") { v += 1 }
        return (name, valueStart..<v, v)
    }

    /// The index after the `>` of a start tag whose name ends at `j`, reading attribute values.
    private func startTagEnd(from j: Int) -> Int? {
        var j = j
        while let attribute = nextAttribute(from: j) { j = attribute.end }
        return tagClose(after: j)?.end
    }

    /// The `>` ending a start tag whose last attribute ends at `j`: the index after it, and whether
    /// a `/` stands right before it (`<br/>`). Nil when the tag does not end there.
    private func tagClose(after j: Int) -> (end: Int, selfClosing: Bool)? {
        var k = j
        while k < n, isSpace(s[k]) || s[k] == UInt8(ascii: "/") { k += 1 }
        guard k < n, s[k] == UInt8(ascii: ">") else { return nil }
        return (k + 1, k > j && s[k - 1] == UInt8(ascii: "/"))
    }

    // MARK: Furniture

    /// Where a droppable furniture element opening at `i` ends (after its matching close tag).
    private func furnitureEnd(at i: Int, name: Range<Int>) -> Int? {
        let bytes = Array(s[name]).map { $0 | 0x20 }
        let close = Array("</".utf8) + bytes
        var depth = 1
        var k = i + 1
        while depth > 0 {
            guard let lt = index(of: UInt8(ascii: "<"), from: k) else { return nil }  // unclosed: keep
            if lt + 1 < n, isLetter(s[lt + 1]), equalsLowercased((lt + 1)..<tagNameEnd(from: lt + 1), bytes) {
                depth += 1
            } else if starts(with: close, at: lt, caseInsensitive: true) {
                depth -= 1
            }
            k = lt + 1
        }
        guard let gt = index(of: UInt8(ascii: ">"), from: k) else { return nil }
        let end = gt + 1
        return countParagraphs(in: i..<end) * 10 >= paragraphs * 3 ? nil : end
    }

    /// `<p>` and `<p ...>` tags in a range.
    private func countParagraphs(in range: Range<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        while let lt = index(of: UInt8(ascii: "<"), from: i), lt < range.upperBound {
            if lt + 2 < n, s[lt + 1] | 0x20 == UInt8(ascii: "p"), s[lt + 2] == UInt8(ascii: ">") || s[lt + 2] == 0x20 { count += 1 }
            i = lt + 1
        }
        return count
    }

    // MARK: Bytes

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A tag name runs to whitespace, `/` or `>`.
    private func tagNameEnd(from j: Int) -> Int {
        var k = j
        while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">") { k += 1 }
        return k
    }

    private func equalsLowercased(_ range: Range<Int>, _ lowercase: [UInt8]) -> Bool {
        guard range.count == lowercase.count else { return false }
        var k = 0
        for i in range {
            let byte = s[i]
            if byte != lowercase[k], byte | 0x20 != lowercase[k] || !isLetter(byte) { return false }
            k += 1
        }
        return true
    }

    /// Whether `byte` occurs in `range`.
    private func index(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let hit = memchr(s.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(s.baseAddress!)
    }

    /// memchr: the next `byte` at or after `start`.
    private func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < n, let hit = memchr(s.baseAddress! + start, Int32(byte), n - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(s.baseAddress!)
    }

    /// Whether `bytes` (ASCII; letters lower-case when `caseInsensitive`) occur at `i`.
    private func starts(with bytes: [UInt8], at i: Int, caseInsensitive: Bool = false) -> Bool {
        guard i + bytes.count <= n else { return false }
        for k in 0..<bytes.count {
            let byte = s[i + k]
            if byte != bytes[k], !caseInsensitive || byte | 0x20 != bytes[k] || !isLetter(byte) { return false }
        }
        return true
    }

    private func find(_ bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        var i = start
        while let hit = index(of: bytes[0], from: i) {
            if starts(with: bytes, at: hit, caseInsensitive: caseInsensitive) { return hit }
            i = hit + 1
        }
        return nil
    }

    private static let jsonLD = Array("ld+json".utf8)

    private func isJSONLD(_ tag: Range<Int>) -> Bool {
        tag.contains { starts(with: Self.jsonLD, at: $0, caseInsensitive: true) }
    }
}
