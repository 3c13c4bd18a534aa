import CLibXML2
import Foundation

/// The one rule for a URL that becomes an `href` or `src`: it must be absolute `http` or `https`
/// as a browser would read it. Browsers decode entities in attributes, drop leading and trailing
/// spaces and control characters, and ignore tabs and line breaks anywhere, so ` JaVaScRiPt:` and
/// `java&#x09;script:` are still script; this rule reads a URL the same way before it looks at
/// the scheme.
enum WebLink {
    /// The URL without the characters browsers ignore, when it is absolute http(s) with a host;
    /// nil for any other scheme (`javascript:`, `vbscript:`, `data:`, `file:`...) or a relative URL.
    static func http(_ raw: String) -> String? {
        let cleaned = clean(raw)
        guard isHTTP(cleaned) else { return nil }
        if cleaned.utf8.contains(UInt8(ascii: "&")) {
            // What a browser sees once it has decoded the attribute's entities must pass too.
            guard isHTTP(clean(HTMLText.plainText(fromFragment: cleaned.replacingOccurrences(of: "<", with: "&lt;")))) else { return nil }
        }
        return cleaned
    }

    /// Like `http`, but only `https` (images: a plain-http picture in a message is mixed content).
    static func https(_ raw: String) -> String? {
        guard let url = http(raw), url.utf8.count > 8, url.prefix(8).lowercased() == "https://" else { return nil }
        return url
    }

    /// Leading and trailing C0 controls and spaces removed, tabs and line breaks removed anywhere.
    static func clean(_ raw: String) -> String {
        // Most links have nothing to clean: no copy then.
        guard raw.utf8.contains(where: { $0 <= 0x20 }) else { return raw }
        var scalars = Substring(raw).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        guard scalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return String(scalars) }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" { result.append(scalar) }
        return String(result)
    }

    /// `http://` or `https://` (any case) followed by a host.
    private static func isHTTP(_ url: String) -> Bool {
        let prefix = url.utf8.prefix(8).lazy.map(\.asciiLowercased)
        let schemeLength: Int
        if prefix.starts(with: "https://".utf8) {
            schemeLength = 8
        } else if prefix.starts(with: "http://".utf8) {
            schemeLength = 7
        } else {
            return false
        }
        guard let hostStart = url.utf8.dropFirst(schemeLength).first else { return false }
        return hostStart != UInt8(ascii: "/") && hostStart != UInt8(ascii: "?") && hostStart != UInt8(ascii: "#")
    }

    /// `reference` resolved against `base` (RFC 3986); the reference itself when either is unusable.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmed
        guard let base, !base.isEmpty else { return trimmed }
        // xmlBuildURI wants ASCII: percent-encode anything else first (an IRI becomes its URI).
        let ref = escapeNonASCII(trimmed), baseURI = escapeNonASCII(base)
        return LibXML.withXMLString(ref) { r in
            LibXML.withXMLString(baseURI) { b in LibXML.take(xmlBuildURI(r, b)) }
        } ?? trimmed
    }

    private static func escapeNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x20 }) else { return text }
        var result = ""
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x20 {
                result += String(format: "%%%02X", byte)
            } else {
                result.unicodeScalars.append(UnicodeScalar(byte))
            }
        }
        return result
    }
}
