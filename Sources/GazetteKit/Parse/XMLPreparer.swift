import Foundation

/// Turns raw feed bytes into UTF-8 XML that libxml2 can read safely and leniently.
///
/// - Encoding: BOM, then the HTTP charset, then UTF-16/32 sniffing and the XML declaration;
///   everything is converted to UTF-8 and the declaration dropped.
/// - DOCTYPE: removed, so no DTD or external entity is ever loaded. Internal entity declarations
///   are expanded here, with the total expansion bounded (a billion-laughs document fails fast).
/// - References: HTML named entities (`&eacute;`) become numeric references; an undefined one and a
///   bare `&` stay literal text; invalid characters and character references are dropped.
///
/// This scans bytes, not markup: it only tracks comments, CDATA sections and processing
/// instructions so that it leaves their contents alone.
struct XMLPreparer {
    /// Most bytes that entity expansion may add to a document.
    static let expansionLimit = 1 << 20

    struct Prepared {
        var bytes: [UInt8]
        var encoding: String
        var warnings: [String]
    }

    private enum Entity {
        case text([UInt8])
        case external
    }

    private let source: String
    private var entities: [String: Entity] = [:]
    private var expandedSizes: [String: Int] = [:]
    private var expansionUsed = 0

    private init(source: String) { self.source = source }

    static func prepare(_ data: Data, httpCharset: String?, source: String) throws(FeedParseError) -> Prepared {
        var (bytes, encoding, warnings) = toUTF8([UInt8](data), httpCharset: httpCharset)
        var preparer = XMLPreparer(source: source)
        bytes = try preparer.rewrite(bytes)
        return Prepared(bytes: bytes, encoding: encoding, warnings: warnings)
    }

    // MARK: Encoding

    static func toUTF8(_ bytes: [UInt8], httpCharset: String?) -> ([UInt8], String, [String]) {
        var warnings: [String] = []
        let (bomEncoding, bomLength) = sniffBOM(bytes)
        var body = Array(bytes.dropFirst(bomLength))
        var encoding = bomEncoding ?? httpCharset.flatMap { $0.isEmpty ? nil : $0 } ?? sniffWide(body) ?? declaredEncoding(body) ?? "utf-8"
        if bomEncoding == nil, let declared = declaredEncoding(body), encoding.lowercased().hasPrefix("utf-16"),
           !declared.lowercased().hasPrefix("utf-16") {
            encoding = declared
        }
        let lower = encoding.lowercased()
        if lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii" {
            if String(validating: body, as: UTF8.self) == nil {
                warnings.append("bytes are not valid UTF-8; read as windows-1252")
                body = Transcoder.toUTF8(body, from: "windows-1252") ?? body
                encoding = "windows-1252"
            }
            return (body, encoding, warnings)
        }
        if let converted = Transcoder.toUTF8(body, from: encoding) {
            return (converted, encoding, warnings)
        }
        warnings.append("unknown encoding '\(encoding)'; read as UTF-8")
        return (Array(String(decoding: body, as: UTF8.self).utf8), "utf-8", warnings)
    }

    private static func sniffBOM(_ b: [UInt8]) -> (String?, Int) {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
        if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
        if b.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if b.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return (nil, 0)
    }

    /// UTF-16/32 without a BOM, recognised by the zero bytes around the first ASCII character.
    private static func sniffWide(_ b: [UInt8]) -> String? {
        guard b.count >= 4 else { return nil }
        if b[0] == 0, b[1] == 0, b[2] == 0, b[3] != 0 { return "utf-32be" }
        if b[0] != 0, b[1] == 0, b[2] == 0, b[3] == 0 { return "utf-32le" }
        if b[0] == 0, b[1] != 0 { return "utf-16be" }
        if b[0] != 0, b[1] == 0 { return "utf-16le" }
        return nil
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the start.
    private static func declaredEncoding(_ b: [UInt8]) -> String? {
        var start = 0
        while start < b.count, [0x20, 0x09, 0x0A, 0x0D].contains(b[start]) { start += 1 }
        guard b[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let end = b[start...].prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(b.count, start + 512)
        let declaration = String(decoding: b[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    // MARK: Markup-aware rewrite

    private mutating func rewrite(_ s: [UInt8]) throws(FeedParseError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / 32)
        try rewrite(s[...], into: &out, topLevel: true)
        return out
    }

    private mutating func rewrite(_ s: ArraySlice<UInt8>, into out: inout [UInt8], topLevel: Bool) throws(FeedParseError) {
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            let b = s[i]
            if b == UInt8(ascii: "<") {
                if Self.matches(s, i, Self.commentOpen) {
                    let close = Self.find(s, Self.commentClose, from: i + 4).map { $0 + 3 } ?? end
                    out.append(contentsOf: s[i..<close])
                    i = close
                } else if Self.matches(s, i, Self.cdataOpen) {
                    let close = Self.find(s, Self.cdataClose, from: i + 9).map { $0 + 3 } ?? end
                    out.append(contentsOf: s[i..<close])
                    i = close
                } else if Self.matches(s, i, Self.piOpen) {
                    let close = Self.find(s, Self.piClose, from: i + 2).map { $0 + 2 } ?? end
                    let isDeclaration = Self.matches(s, i, Self.xmlDeclaration) && i + 5 < end && [0x20, 0x09, 0x0A, 0x0D].contains(s[i + 5])
                    if !isDeclaration { out.append(contentsOf: s[i..<close]) }
                    i = close
                } else if topLevel, Self.matches(s, i, Self.doctype, caseInsensitive: true) {
                    i = try readDoctype(s, from: i)
                } else if i + 1 < end, Self.startsMarkup(s[i + 1]), Self.tagCloses(s, from: i + 1) {
                    out.append(b)
                    i += 1
                } else {
                    out.append(contentsOf: Array("&lt;".utf8))  // a stray "<" in text
                    i += 1
                }
            } else if b == UInt8(ascii: "&") {
                i = try reference(s, at: i, into: &out)
            } else if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                i += 1  // not allowed in XML 1.0
            } else {
                // Copy the whole run up to the next byte that needs a look, in one go.
                var k = i + 1
                while k < end {
                    let c = s[k]
                    if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) { break }
                    k += 1
                }
                out.append(contentsOf: s[i..<k])
                i = k
            }
        }
    }

    private mutating func reference(_ s: ArraySlice<UInt8>, at i: Int, into out: inout [UInt8]) throws(FeedParseError) -> Int {
        let end = s.endIndex
        var k = i + 1
        if k < end, s[k] == UInt8(ascii: "#") {
            k += 1
            let hex = k < end && (s[k] == UInt8(ascii: "x") || s[k] == UInt8(ascii: "X"))
            if hex { k += 1 }
            let digitsStart = k
            while k < end, Self.isDigit(s[k], hex: hex), k - digitsStart < 8 { k += 1 }
            guard k > digitsStart, k < end, s[k] == UInt8(ascii: ";") else {
                out.append(contentsOf: Array("&amp;".utf8))
                return i + 1
            }
            let value = UInt32(String(decoding: s[digitsStart..<k], as: UTF8.self), radix: hex ? 16 : 10) ?? 0
            if Self.isXMLChar(value) { out.append(contentsOf: s[i...k]) }
            return k + 1
        }
        while k < end, Self.isNameByte(s[k]) { k += 1 }
        guard k > i + 1, k < end, s[k] == UInt8(ascii: ";") else {
            out.append(contentsOf: Array("&amp;".utf8))
            return i + 1
        }
        let name = String(decoding: s[(i + 1)..<k], as: UTF8.self)
        switch name {
        case "amp", "lt", "gt", "quot", "apos":
            out.append(contentsOf: s[i...k])
        default:
            if let entity = entities[name] {
                if case .text(let value) = entity {
                    let size = try expandedSize(of: name, depth: 0)
                    expansionUsed += size
                    guard expansionUsed <= Self.expansionLimit else {
                        throw .entityExpansionLimit(source: source, limit: Self.expansionLimit)
                    }
                    try rewrite(value[...], into: &out, topLevel: false)
                }
            } else if let code = HTMLVocabulary.entity(named: name) {
                out.append(contentsOf: Array("&#\(code);".utf8))
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                out.append(contentsOf: s[(i + 1)...k])
            }
        }
        return k + 1
    }

    /// Bytes `name` expands to, with nested entities; throws past the limit or on a reference cycle.
    private mutating func expandedSize(of name: String, depth: Int) throws(FeedParseError) -> Int {
        if let known = expandedSizes[name] { return known }
        guard depth < 32, case .text(let value)? = entities[name] else {
            throw .entityExpansionLimit(source: source, limit: Self.expansionLimit)
        }
        var size = 0
        var i = 0
        while i < value.count {
            if value[i] == UInt8(ascii: "&"), let semicolon = value[i...].prefix(64).firstIndex(of: UInt8(ascii: ";")) {
                let inner = String(decoding: value[(i + 1)..<semicolon], as: UTF8.self)
                if case .text? = entities[inner] {
                    size += try expandedSize(of: inner, depth: depth + 1)
                    i = semicolon + 1
                    guard size <= Self.expansionLimit else { throw .entityExpansionLimit(source: source, limit: Self.expansionLimit) }
                    continue
                }
            }
            size += 1
            i += 1
        }
        expandedSizes[name] = size
        return size
    }

    /// Skips a DOCTYPE declaration, recording the general entities its internal subset declares.
    private mutating func readDoctype(_ s: ArraySlice<UInt8>, from start: Int) throws(FeedParseError) -> Int {
        var i = start + 9
        let end = s.endIndex
        var quote: UInt8?
        while i < end {
            let b = s[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                i = readInternalSubset(s, from: i + 1)
                continue
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return end
    }

    private mutating func readInternalSubset(_ s: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        let end = s.endIndex
        while i < end {
            if s[i] == UInt8(ascii: "]") { return i + 1 }
            if Self.matches(s, i, Self.commentOpen) {
                i = Self.find(s, Self.commentClose, from: i + 4).map { $0 + 3 } ?? end
            } else if Self.matches(s, i, Self.entityDeclaration) {
                i = readEntityDeclaration(s, from: i + 8)
            } else if s[i] == UInt8(ascii: "<") {
                i = Self.skipDeclaration(s, from: i + 1)
            } else {
                i += 1
            }
        }
        return end
    }

    private mutating func readEntityDeclaration(_ s: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        let end = s.endIndex
        func skipSpace() { while i < end, [0x20, 0x09, 0x0A, 0x0D].contains(s[i]) { i += 1 } }
        skipSpace()
        var parameter = false
        if i < end, s[i] == UInt8(ascii: "%") { parameter = true; i += 1; skipSpace() }
        let nameStart = i
        while i < end, Self.isNameByte(s[i]) { i += 1 }
        let name = String(decoding: s[nameStart..<i], as: UTF8.self)
        skipSpace()
        if i < end, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
            let q = s[i]
            let valueStart = i + 1
            let valueEnd = s[valueStart...].firstIndex(of: q) ?? end
            if !parameter, !name.isEmpty { entities[name] = .text(Array(s[valueStart..<valueEnd])) }
            i = min(end, valueEnd + 1)
        } else if !parameter, !name.isEmpty {
            entities[name] = .external  // SYSTEM or PUBLIC: never loaded
        }
        return Self.skipDeclaration(s, from: i)
    }

    /// Index after the `>` that closes a markup declaration, skipping quoted strings.
    private static func skipDeclaration(_ s: ArraySlice<UInt8>, from start: Int) -> Int {
        var i = start
        var quote: UInt8?
        while i < s.endIndex {
            let b = s[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return s.endIndex
    }

    // MARK: Byte helpers

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let piOpen = Array("<?".utf8), piClose = Array("?>".utf8), xmlDeclaration = Array("<?xml".utf8)
    private static let doctype = Array("<!doctype".utf8), entityDeclaration = Array("<!ENTITY".utf8)

    /// Whether `literal` (lower-case letters when `caseInsensitive`) occurs at `i`.
    private static func matches(_ s: ArraySlice<UInt8>, _ i: Int, _ literal: [UInt8], caseInsensitive: Bool = false) -> Bool {
        MarkupScanner.over(s) { $0.starts(with: literal, at: i - s.startIndex, caseInsensitive: caseInsensitive) }
    }

    private static func find(_ s: ArraySlice<UInt8>, _ literal: [UInt8], from start: Int) -> Int? {
        MarkupScanner.over(s) { $0.find(literal, from: start - s.startIndex) }.map { $0 + s.startIndex }
    }

    /// Whether a `<` at `start - 1` is really a tag: a `>` comes before any other `<`.
    /// An unterminated tag (`<b` then text) would otherwise derail libxml2's recovery.
    private static func tagCloses(_ s: ArraySlice<UInt8>, from start: Int) -> Bool {
        var i = start
        let limit = min(s.endIndex, start + 8192)
        while i < limit {
            if s[i] == UInt8(ascii: ">") { return true }
            if s[i] == UInt8(ascii: "<") { return false }
            i += 1
        }
        return true
    }

    private static func startsMarkup(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
            || b == UInt8(ascii: "?") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)))
    }

    private static func isXMLChar(_ c: UInt32) -> Bool {
        c == 0x9 || c == 0xA || c == 0xD || (0x20...0xD7FF).contains(c) || (0xE000...0xFFFD).contains(c)
            || (0x10000...0x10FFFF).contains(c)
    }
}
