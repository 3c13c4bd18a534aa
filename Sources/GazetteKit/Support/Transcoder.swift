import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Converts bytes in any encoding iconv knows to UTF-8.
enum Transcoder {
    /// Encoding labels seen in feeds, mapped to the names glibc's iconv uses.
    private static let aliases: [String: String] = [
        "x-mac-roman": "MACINTOSH", "macroman": "MACINTOSH", "mac-roman": "MACINTOSH", "macintosh": "MACINTOSH",
        "shift-jis": "SHIFT_JIS", "sjis": "SHIFT_JIS", "x-sjis": "SHIFT_JIS", "ms_kanji": "SHIFT_JIS",
        "gb2312": "GB18030", "gbk": "GB18030", "x-gbk": "GB18030", "euc-cn": "GB18030",
        "euc-kr": "CP949", "ks_c_5601-1987": "CP949", "big5": "BIG5-HKSCS", "x-euc-jp": "EUC-JP",
        "utf8": "UTF-8", "unicode": "UTF-16", "latin1": "ISO-8859-1",
    ]

    static func iconvName(_ label: String) -> String {
        let lower = label.lowercased().trimmed
        if let alias = aliases[lower] { return alias }
        if lower.hasPrefix("windows-") { return "CP" + lower.dropFirst("windows-".count) }
        return lower.uppercased()
    }

    /// The bytes converted to UTF-8; invalid sequences are skipped (with `strict`, they make the
    /// result `nil`). `nil` when the encoding is unknown.
    static func toUTF8(_ bytes: [UInt8], from label: String, strict: Bool = false) -> [UInt8]? {
        let handle = iconv_open(strict ? "UTF-8" : "UTF-8//IGNORE", iconvName(label))
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        if strict { return nil }
                        // EILSEQ/EINVAL: skip one byte and go on, like a lenient reader.
                        guard errno == EILSEQ || errno == EINVAL, inLeft > 0 else { break }
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[0..<produced])
    }
}
