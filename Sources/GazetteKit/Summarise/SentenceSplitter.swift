/// Splits prose into sentences. Handles abbreviations and initials ("U.S.", "Mr.", "Dr.", "Jan.",
/// "J. R. R."), decimals, ellipses and closing quotes; a boundary needs whitespace and then a
/// capital, digit, quote or uncased letter. CJK full stops end a sentence directly.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep", "rev", "col",
        "lt", "sgt", "capt", "cmdr", "adm", "maj", "pres", "hon", "supt", "insp", "atty", "messrs", "mme", "mlle",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "sec", "art", "ed", "eds", "op", "cf", "al",
        "inc", "ltd", "co", "corp", "bros", "llc", "plc", "vs", "v", "etc", "e.g", "i.e", "approx", "est", "dept",
        "univ", "ave", "blvd", "rd", "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "a.m", "p.m", "ph.d", "b.a", "m.a",
    ]

    static func split(_ text: String) -> [String] {
        // UTF-8 bytes: the rules only look at the code points around sentence punctuation, so
        // everything else is skipped a byte at a time without decoding.
        let text = UTF8Text(text)
        let n = text.bytes.count
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < n {
            let byte = text.bytes[i]
            if byte < 0x80, byte != UInt8(ascii: "."), byte != UInt8(ascii: "!"), byte != UInt8(ascii: "?") {
                i += 1
                continue
            }
            let (c, length) = text.scalar(at: i)
            if c == "。" || c == "！" || c == "？" {
                var j = i + length
                while j < n, case let (d, l) = text.scalar(at: j), isCloser(d) { j += l }
                append(text.bytes[start..<j], to: &sentences)
                start = j
                i = j
                continue
            }
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += length; continue }
            var j = i + length
            var onlyClosers = true
            while j < n {
                let (d, l) = text.scalar(at: j)
                if d == "." || d == "!" || d == "?" || d == "…" {
                    onlyClosers = false
                } else if !isCloser(d) {
                    break
                }
                j += l
            }
            guard j < n else { break }
            guard text.scalar(at: j).0.properties.isWhitespace else { i = j; continue }
            var k = j
            while k < n, case let (d, l) = text.scalar(at: k), d.properties.isWhitespace { k += l }
            guard k < n, startsSentence(text.scalar(at: k).0) else { i = k; continue }
            if c == ".", onlyClosers, endsWithAbbreviation(text, before: i) {
                i = k
                continue
            }
            append(text.bytes[start..<j], to: &sentences)
            start = k
            i = k
        }
        if start < n { append(text.bytes[start...], to: &sentences) }
        return sentences
    }

    /// A string's UTF-8 bytes with code point access at byte offsets (the bytes are valid UTF-8).
    private struct UTF8Text {
        let bytes: [UInt8]

        init(_ text: String) { bytes = Array(text.utf8) }

        /// The code point starting at `i` and its length in bytes.
        func scalar(at i: Int) -> (Unicode.Scalar, Int) {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
            let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
            var value = b0 & (0xFF >> (length + 1))
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// Where the code point that ends just before `i` starts.
        func start(before i: Int) -> Int {
            var s = i - 1
            while s > 0, bytes[s] & 0xC0 == 0x80 { s -= 1 }
            return s
        }
    }

    private static func append(_ slice: ArraySlice<UInt8>, to sentences: inout [String]) {
        let sentence = String(decoding: slice, as: UTF8.self).trimmed
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    private static func isCloser(_ c: Unicode.Scalar) -> Bool {
        "\"'”’)]»」』".unicodeScalars.contains(c)
    }

    private static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        let properties = c.properties
        if properties.isUppercase || properties.numericType != nil || "\"'“‘([«「『¿¡".unicodeScalars.contains(c) { return true }
        return properties.isAlphabetic && !properties.isLowercase && !properties.isUppercase  // scripts without case
    }

    /// Whether the word that ends at the period at byte `index` is an abbreviation or an initial.
    private static func endsWithAbbreviation(_ text: UTF8Text, before index: Int) -> Bool {
        var s = index
        var scalars = 0
        while s > 0 {
            let previous = text.start(before: s)
            let c = text.scalar(at: previous).0
            guard c.properties.isAlphabetic || c == "." else { break }
            s = previous
            scalars += 1
        }
        guard scalars > 0 else { return false }
        if scalars == 1 { return text.scalar(at: s).0.properties.isUppercase }  // an initial: "J. R. R. Tolkien"
        return abbreviations.contains(String(decoding: text.bytes[s..<index], as: UTF8.self).lowercased())
    }
}
