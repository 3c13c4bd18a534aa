/// The light suffix stripper of design §3, for ASCII words longer than three letters:
/// `checks` → `check`, `hiring` → `hir`, `police` → `polic`, `species` → `specy`.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return word }
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems an ASCII word in place.
    static func stem(_ bytes: inout [UInt8]) {
        guard bytes.count > 3 else { return }
        if ends(bytes, "ies"), bytes.count > 4 {
            bytes.removeLast(2)
            bytes[bytes.count - 1] = UInt8(ascii: "y")
            return
        }
        if ends(bytes, "sses") {
            bytes.removeLast(2)
        } else if ends(bytes, "s"), !ends(bytes, "ss"), !ends(bytes, "us"), !ends(bytes, "is") {
            bytes.removeLast()
        }
        if ends(bytes, "ing"), bytes.count > 5 {
            bytes.removeLast(3)
        } else if ends(bytes, "ed"), bytes.count > 4 {
            bytes.removeLast(2)
        }
        if ends(bytes, "e"), bytes.count > 4 { bytes.removeLast() }
    }

    private static func ends(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = bytes.count - count
        return (0..<count).allSatisfy { bytes[start + $0] == suffix.utf8Start[$0] }
    }
}
