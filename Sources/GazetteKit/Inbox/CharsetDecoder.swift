/// Text of a MIME part from its bytes: the declared charset, else ISO-2022-JP when its escape
/// sequences are there (Japanese mail often does not declare it), else UTF-8, else Latin-1. Each
/// candidate must decode the bytes without error, like Python's strict codecs.
enum CharsetDecoder {
    private static let utf8Names: Set<String> = ["utf-8", "utf8", "u8", "utf", "utf_8", "cp65001"]
    private static let asciiNames: Set<String> = ["us-ascii", "ascii", "us", "646", "ansi_x3.4-1968", "iso646-us", "us_ascii"]
    private static let latin1Names: Set<String> = ["latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "iso_8859-1",
                                                   "iso8859_1", "iso_8859_1", "8859", "cp819", "iso-ir-100"]

    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let declared = (charset ?? "").trimmed.trimmingQuotes.lowercased()
        let sniffed = hasISO2022JPEscape(bytes) ? "iso-2022-jp" : ""
        for name in [declared, sniffed, "utf-8"] where !name.isEmpty {
            if let text = strictDecode(bytes, name) { return text }
        }
        return InboxBytes.latin1(bytes)
    }

    static func strictDecode(_ bytes: [UInt8], _ name: String) -> String? {
        if utf8Names.contains(name) { return String(validatingUTF8Bytes: bytes) }
        if asciiNames.contains(name) { return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil }
        if latin1Names.contains(name) { return InboxBytes.latin1(bytes) }
        return Transcoder.toUTF8(bytes, from: name, strict: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `ESC $ B` or `ESC $ @`: a switch to JIS X 0208.
    static func hasISO2022JPEscape(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "$"), bytes[index + 2] == UInt8(ascii: "B") || bytes[index + 2] == UInt8(ascii: "@") {
                return true
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// The bytes as UTF-8 text, or nil when they are not valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            self = String(decoding: bytes, as: UTF8.self)
            return
        }
        var valid = true
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: valid = false; break loop
            }
        }
        guard valid else { return nil }
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// Without the double quotes at either end (Python `strip('"')`).
    var trimmingQuotes: String {
        var scalars = Substring(self)
        while scalars.first == "\"" { scalars = scalars.dropFirst() }
        while scalars.last == "\"" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
