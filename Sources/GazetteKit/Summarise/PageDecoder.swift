import Foundation

/// Works out a page's character encoding and hands libxml2 UTF-8.
/// Order: BOM, HTTP charset, `<meta charset>` / `http-equiv` in the first 4 KB, UTF-8 if valid,
/// else windows-1252 (what browsers assume for unlabelled Western pages).
enum PageDecoder {
    /// Calls `body` with the page as UTF-8: the fetched bytes themselves when they already are
    /// (no copy), else a converted copy.
    static func withUTF8<Result>(_ data: Data, httpCharset: String?, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return body(UnsafeBufferPointer(rebasing: bytes[3...])) }
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                return (Transcoder.toUTF8(Array(bytes), from: "UTF-16") ?? Array(bytes)).withUnsafeBufferPointer(body)
            }
            let label = httpCharset.flatMap { $0.isEmpty ? nil : $0 } ?? metaCharset(bytes)
            if let label, !["utf-8", "utf8"].contains(label.lowercased()),
               let converted = Transcoder.toUTF8(Array(bytes), from: label) {
                return converted.withUnsafeBufferPointer(body)
            }
            if isValidUTF8(bytes) { return body(bytes) }
            return (Transcoder.toUTF8(Array(bytes), from: "windows-1252") ?? Array(bytes)).withUnsafeBufferPointer(body)
        }
    }

    /// UTF-8 validity without building a string (ASCII runs are skipped 32 or 8 bytes at a time).
    static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buffer.count
        var i = 0
        while i < n {
            if i + 32 <= n {
                let p = UnsafeRawPointer(buffer.baseAddress! + i)
                let any = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 == 0 {
                    i += 32
                    continue
                }
            }
            if i + 8 <= n, UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = buffer[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            guard length > 0, b <= 0xF4, i + length <= n else { return false }
            for k in 1..<length where buffer[i + k] & 0xC0 != 0x80 { return false }
            if b == 0xE0, buffer[i + 1] < 0xA0 { return false }  // overlong
            if b == 0xED, buffer[i + 1] >= 0xA0 { return false }  // surrogates
            if b == 0xF0, buffer[i + 1] < 0x90 { return false }
            if b == 0xF4, buffer[i + 1] >= 0x90 { return false }
            i += length
        }
        return true
    }

    private static let charsetWord = Array("charset=".utf8)

    /// The charset a `<meta>` tag declares near the start of the page (`charset=` in the first 4 KB).
    static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let scan = MarkupScanner(UnsafeBufferPointer(rebasing: bytes.prefix(4096)))
        var i = 0
        while let hit = scan.find(charsetWord, from: i, caseInsensitive: true) {
            i = hit + 1
            var k = hit + charsetWord.count
            while k < scan.n, scan[k] == UInt8(ascii: "\"") || scan[k] == UInt8(ascii: "'") || scan[k] == 0x20 { k += 1 }
            let start = k
            while k < scan.n, scan[k].isASCIILetter || scan[k].isASCIIDigit
                    || scan[k] == UInt8(ascii: "-") || scan[k] == UInt8(ascii: "_") || scan[k] == UInt8(ascii: ":") { k += 1 }
            if k > start { return String(decoding: scan.s[start..<k], as: UTF8.self) }
        }
        return nil
    }
}
