import CLibXML2
import CLibXML2Region

/// One-time libxml2 setup, and conversions between Swift strings and `xmlChar` pointers.
enum LibXML {
    /// `xmlInitParser` must run once before threads use libxml2; a lazy global runs it exactly once.
    static let initialized: Void = {
        xmlInitParser()
        // Region-aware allocation (plain malloc/free outside a region): see `HTMLTree.withPage`.
        xmlMemSetup(gz_region_free, gz_region_malloc, gz_region_realloc, gz_region_strdup)
        // Never fetch anything while parsing, whatever a document asks for.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Takes ownership of a libxml2-allocated string: copies it and frees it.
    static func take(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { clibxml2_free(pointer) }
        return String(cString: pointer)
    }

    /// A borrowed libxml2 string.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Calls `body` with `text` as a NUL-terminated `xmlChar` pointer.
    static func withXMLString<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }

    /// `reference` resolved against `base` (RFC 3986); the reference itself when either is unusable.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmed
        guard let base, !base.isEmpty else { return trimmed }
        // xmlBuildURI wants ASCII: percent-encode anything else first (an IRI becomes its URI).
        let ref = escapeNonASCII(trimmed), baseURI = escapeNonASCII(base)
        return withXMLString(ref) { r in
            withXMLString(baseURI) { b in take(xmlBuildURI(r, b)) }
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
