import Foundation

/// Drops the parts of a page no extractor reads before libxml2 builds a tree of them: `<script>`
/// (JSON-LD kept), `<style>`, `<svg>`, `<noscript>`, `<template>`, `<iframe>`, form controls and
/// comments. Often half of a page's bytes.
///
/// This follows HTML tokenisation, not a guess at structure: a script or style element ends at
/// the first `</script`/`</style`, exactly as a browser's tokenizer ends it.
enum RawTextStripper {
    private static let skipped: [(name: String, bytes: [UInt8], close: [UInt8])] = [
        "script", "style", "svg", "noscript", "template", "iframe", "select", "textarea",
    ].map {
        ($0, Array($0.utf8), Array("</\($0)".utf8))
    }
    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    /// Page furniture that may nest: dropped with its contents unless it holds much of the page's
    /// paragraphs (the same safety the DOM cleaning applies, counted in `<p>` tags here).
    private static let furniture: [(bytes: [UInt8], open: [UInt8], close: [UInt8])] = ["nav", "header", "footer"].map {
        (Array($0.utf8), Array("<\($0)".utf8), Array("</\($0)".utf8))
    }
    private static let paragraphOpen = Array("<p".utf8)

    static func strip(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        let n = s.count
        let paragraphs = max(1, countParagraphs(s, in: 0..<n))
        while i < n {
            guard let lt = indexOf(UInt8(ascii: "<"), in: s, from: i) else {
                out.append(contentsOf: s[i...])
                break
            }
            out.append(contentsOf: s[i..<lt])
            i = lt
            if matches(s, i, commentOpen) {
                i = find(s, commentClose, from: i + 4).map { $0 + 3 } ?? n
            } else if let (index, tagEnd) = openTag(s, at: i) {
                let name = skipped[index].name
                let close = find(s, skipped[index].close, from: tagEnd, caseInsensitive: true) ?? n
                let end = s[close...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? n
                if name == "script", isJSONLD(s[i..<tagEnd]) {
                    out.append(contentsOf: s[i..<end])
                }
                i = end
            } else if let end = furnitureEnd(s, at: i, paragraphs: paragraphs) {
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Where a droppable furniture element opening at `i` ends (after its matching close tag).
    private static func furnitureEnd(_ s: [UInt8], at i: Int, paragraphs: Int) -> Int? {
        for entry in furniture where isOpenTag(s, at: i, name: entry.bytes) {
            var depth = 1
            var k = i + 1
            while depth > 0 {
                guard let lt = indexOf(UInt8(ascii: "<"), in: s, from: k) else { return nil }  // unclosed: keep
                if isOpenTag(s, at: lt, name: entry.bytes) {
                    depth += 1
                } else if matches(s, lt, entry.close, caseInsensitive: true) {
                    depth -= 1
                }
                k = lt + 1
            }
            guard let gt = indexOf(UInt8(ascii: ">"), in: s, from: k) else { return nil }
            let end = gt + 1
            return countParagraphs(s, in: i..<end) * 10 >= paragraphs * 3 ? nil : end
        }
        return nil
    }

    private static func isOpenTag(_ s: [UInt8], at i: Int, name: [UInt8]) -> Bool {
        guard i + 1 + name.count < s.count, s[i] == UInt8(ascii: "<") else { return false }
        for k in 0..<name.count where s[i + 1 + k] | 0x20 != name[k] { return false }
        let next = s[i + 1 + name.count]
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
    }

    /// `<p>` and `<p ...>` tags in a range.
    private static func countParagraphs(_ s: [UInt8], in range: Range<Int>) -> Int {
        var count = 0
        var i = range.lowerBound
        while let lt = indexOf(UInt8(ascii: "<"), in: s, from: i), lt < range.upperBound {
            if lt + 2 < s.count, s[lt + 1] | 0x20 == UInt8(ascii: "p"), s[lt + 2] == UInt8(ascii: ">") || s[lt + 2] == 0x20 { count += 1 }
            i = lt + 1
        }
        return count
    }

    /// Which skipped element opens at `i` (`<name` then space, `/` or `>`), and the index after its `>`.
    private static func openTag(_ s: [UInt8], at i: Int) -> (Int, Int)? {
        guard i + 1 < s.count else { return nil }
        let first = s[i + 1] | 0x20
        for (index, entry) in skipped.enumerated() where entry.bytes[0] == first {
            let bytes = entry.bytes
            guard i + 1 + bytes.count < s.count else { continue }
            var same = true
            for k in 1..<bytes.count where s[i + 1 + k] | 0x20 != bytes[k] { same = false; break }
            guard same else { continue }
            let next = s[i + 1 + bytes.count]
            guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
            else { continue }
            guard let gt = indexOf(UInt8(ascii: ">"), in: s, from: i + 1) else { return nil }
            return (index, gt + 1)
        }
        return nil
    }

    /// memchr: the next `byte` at or after `start`.
    private static func indexOf(_ byte: UInt8, in s: [UInt8], from start: Int) -> Int? {
        guard start < s.count else { return nil }
        return s.withUnsafeBufferPointer { buffer -> Int? in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            guard let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    private static func isJSONLD(_ tag: ArraySlice<UInt8>) -> Bool {
        String(decoding: tag, as: UTF8.self).lowercased().has("ld+json")
    }

    private static func matches(_ s: [UInt8], _ i: Int, _ bytes: [UInt8], caseInsensitive: Bool = false) -> Bool {
        guard i + bytes.count <= s.count else { return false }
        guard caseInsensitive else { return s[i..<(i + bytes.count)].elementsEqual(bytes) }
        for k in 0..<bytes.count where s[i + k] | 0x20 != bytes[k] | 0x20 { return false }
        return true
    }

    private static func find(_ s: [UInt8], _ bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = bytes.first, start < s.count else { return nil }
        var i = start
        while i + bytes.count <= s.count {
            guard let hit = indexOf(first, in: s, from: i) else { return nil }
            guard hit + bytes.count <= s.count else { return nil }
            var same = true
            for k in 1..<bytes.count {
                let a = caseInsensitive ? s[hit + k] | 0x20 : s[hit + k]
                if a != bytes[k] { same = false; break }
            }
            if same { return hit }
            i = hit + 1
        }
        return nil
    }
}
