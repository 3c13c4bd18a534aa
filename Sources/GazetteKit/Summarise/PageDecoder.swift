import Foundation

/// Works out a page's character encoding and hands libxml2 UTF-8.
/// Order: BOM, HTTP charset, `<meta charset>` / `http-equiv` in the first 4 KB, UTF-8 if valid,
/// else windows-1252 (what browsers assume for unlabelled Western pages).
enum PageDecoder {
    static func utf8(_ data: Data, httpCharset: String?) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return Transcoder.toUTF8(bytes, from: "UTF-16") ?? bytes
        }
        let label = httpCharset.flatMap { $0.isEmpty ? nil : $0 } ?? metaCharset(bytes)
        if let label, !["utf-8", "utf8"].contains(label.lowercased()),
           let converted = Transcoder.toUTF8(bytes, from: label) {
            return converted
        }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return Transcoder.toUTF8(bytes, from: "windows-1252") ?? bytes
    }

    /// The charset a `<meta>` tag declares near the start of the page.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        var searchFrom = head.startIndex
        while let meta = head.range(of: "<meta", range: searchFrom..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset=") {
                let value = tag[charset.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
                if !name.isEmpty { return String(name) }
            }
            searchFrom = tagEnd
        }
        return nil
    }
}
