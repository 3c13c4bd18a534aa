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
}

extension HTMLVocabulary {
    /// The code point of an HTML 4 named entity (`eacute`), from libxml2's table.
    static func entity(named name: String) -> UInt32? {
        name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                htmlEntityLookup($0).map { UInt32($0.pointee.value) }
            }
        }
    }
}
