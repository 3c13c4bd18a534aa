import CLibXML2
import Foundation

/// Text from HTML fragments: plain text for display, a test for "is this markup?",
/// and relative URLs made absolute.
enum HTMLText {
    /// The visible text of an HTML fragment: tags removed, entities decoded, whitespace collapsed.
    static func plainText(fromFragment html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return html.collapsingWhitespace }
        guard let tree = HTMLTree(fragment: html), let body = tree.body else { return html.collapsingWhitespace }
        var text = ""
        appendText(of: body, to: &text)
        return text.collapsingWhitespace
    }

    /// Appends the visible text below `element`, a space around each block element.
    static func appendText(of element: HTMLElement, to text: inout String) {
        element.forEachChild { child in
            switch child {
            case .text(let content):
                text += content.string
            case .element(let inner):
                let bits = inner.nameValue(in: HTMLVocabulary.table)
                guard bits & HTMLVocabulary.hidden == 0 else { return }
                let block = bits & HTMLVocabulary.block != 0
                if block { text += " " }
                appendText(of: inner, to: &text)
                if block { text += " " }
            }
        }
    }

    /// The first picture in an HTML fragment that can be a story's: an `<img>` with an http(s) `src`
    /// (relative ones resolved against `base`) that its size attributes do not mark as a pixel or an icon.
    static func firstImage(inFragment html: String, base: String?) -> WebImage? {
        guard html.range(of: "<img", options: .caseInsensitive) != nil, let tree = HTMLTree(fragment: html), let body = tree.body else { return nil }
        var found: WebImage?
        _ = body.firstDescendant { element in
            guard element.isNamed("img"), let src = element.attribute("src"), !src.isEmpty else { return false }
            let url = base.map { WebLink.resolve(src, against: $0) } ?? src
            guard WebLink.http(url) != nil else { return false }
            let image = WebImage(url: url, width: WebImage.pixels(element.attribute("width")), height: WebImage.pixels(element.attribute("height")))
            guard !image.isTiny else { return false }
            found = image
            return true
        }
        return found
    }

    /// Whether feed text that came without a type reads as HTML: it has a closing tag or an entity
    /// reference, every tag is a known HTML element and every named entity is a real one.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var hasCloseTag = false, hasEntity = false
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                var k = i + 1
                let closing = k < bytes.count && bytes[k] == UInt8(ascii: "/")
                if closing { k += 1 }
                let start = k
                while k < bytes.count, isWordByte(bytes[k]) { k += 1 }
                if k > start {
                    let name = String(decoding: bytes[start..<k], as: UTF8.self).lowercased()
                    guard HTMLVocabulary.knownElements.contains(name) else { return false }
                    if closing, k < bytes.count, bytes[k] == UInt8(ascii: ">") { hasCloseTag = true }
                }
                i = k
            } else if bytes[i] == UInt8(ascii: "&") {
                var k = i + 1
                let numeric = k < bytes.count && bytes[k] == UInt8(ascii: "#")
                if numeric { k += 1 }
                let start = k
                while k < bytes.count, isWordByte(bytes[k]) { k += 1 }
                if k > start, k < bytes.count, bytes[k] == UInt8(ascii: ";") {
                    if !numeric {
                        let name = String(decoding: bytes[start..<k], as: UTF8.self)
                        guard ["amp", "lt", "gt", "quot", "apos"].contains(name) || HTMLVocabulary.entity(named: name) != nil
                        else { return false }
                    }
                    hasEntity = true
                }
                i = k
            } else {
                i += 1
            }
        }
        return hasCloseTag || hasEntity
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    /// The fragment re-serialised by libxml2's HTML parser, so that stray `<` become text and tags
    /// are balanced, with relative URLs in `href`, `src` and similar attributes resolved against `base`.
    /// Text without markup is returned unchanged.
    static func normalizedFragment(_ html: String, base: String?) -> String {
        let bytes = Array(html.utf8)
        let resolve = base.map { !$0.isEmpty } == true && hasRelativeURL(bytes)
        guard resolve || hasBogusMarkup(bytes), let tree = HTMLTree(fragment: html), let body = tree.body else { return html }
        if resolve, let base {
            body.forEachDescendant { element in
                for attribute in HTMLVocabulary.urlAttributes {
                    guard let value = element.attribute(attribute) else { continue }
                    let resolved = WebLink.resolve(value, against: base)
                    if resolved != value { element.setAttribute(attribute, resolved) }
                }
            }
        }
        return tree.innerHTML(of: body)
    }

    /// A `<` that starts no tag, comment or end tag (`<!'`, `< 3`, `<?`): markup a consumer would misread.
    static func hasBogusMarkup(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { buffer in
            let scan = MarkupScanner(buffer)
            var i = 0
            while let lt = scan.index(of: UInt8(ascii: "<"), from: i) {
                guard lt + 1 < scan.n else { return true }
                let next = scan[lt + 1]
                if !(next.isASCIILetter || next == UInt8(ascii: "/") || scan.starts(with: commentOpen, at: lt)) { return true }
                i = lt + 1
            }
            return false
        }
    }

    private static let commentOpen = Array("<!--".utf8)

    /// Whether some `href`/`src`-like attribute holds a URL without a scheme (relative or `//host`).
    static func hasRelativeURL(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { buffer in
            let scan = MarkupScanner(buffer)
            var i = 0
            while let eq = scan.index(of: UInt8(ascii: "="), from: i) {
                i = eq + 1
                var nameEnd = eq
                while nameEnd > 0, scan[nameEnd - 1] == 0x20 { nameEnd -= 1 }
                var nameStart = nameEnd
                while nameStart > 0, scan[nameStart - 1].isASCIILetter { nameStart -= 1 }
                let name = String(decoding: scan.s[nameStart..<nameEnd], as: UTF8.self).lowercased()
                guard HTMLVocabulary.urlAttributes.contains(name) else { continue }
                var v = eq + 1
                while v < scan.n, scan[v] == 0x20 || scan[v] == UInt8(ascii: "\"") || scan[v] == UInt8(ascii: "'") { v += 1 }
                var k = v
                while k < scan.n, isSchemeByte(scan[k], first: k == v) { k += 1 }
                if !(k > v && k < scan.n && scan[k] == UInt8(ascii: ":")) { return true }
            }
            return false
        }
    }

    private static func isSchemeByte(_ c: UInt8, first: Bool) -> Bool {
        if first { return c.isASCIILetter }
        return c.isASCIILetter || c.isASCIIDigit || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}
