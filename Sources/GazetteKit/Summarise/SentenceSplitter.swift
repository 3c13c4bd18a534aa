/// Splits prose into sentences. Handles abbreviations and initials ("U.S.", "Mr.", "Dr.", "Jan.",
/// "J. R. R."), decimals, ellipses and closing quotes; a boundary needs whitespace and then a
/// capital, digit, quote or uncased letter. CJK full stops end a sentence directly.
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep", "rev", "col",
        "lt", "sgt", "capt", "cmdr", "adm", "maj", "pres", "hon", "supt", "insp", "atty", "messrs", "mme", "mlle",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "sec", "art", "ed", "eds", "op", "cf", "al",
        "inc", "ltd", "co", "corp", "bros", "llc", "plc", "vs", "v", "etc", "e.g", "i.e", "approx", "est", "dept",
        "univ", "ave", "blvd", "rd", "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "a.m", "p.m", "ph.d", "b.a", "m.a",
    ]

    public static func split(_ text: String) -> [String] {
        // Unicode scalars, not Characters: the rules only look at single code points, and grapheme
        // breaking is by far the slowest part of walking a string.
        let chars = Array(text.unicodeScalars)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "。" || c == "！" || c == "？" {
                var j = i + 1
                while j < chars.count, isCloser(chars[j]) { j += 1 }
                append(chars[start..<j], to: &sentences)
                start = j
                i = j
                continue
            }
            guard c == "." || c == "!" || c == "?" || c == "…" else { i += 1; continue }
            var j = i + 1
            while j < chars.count, chars[j] == "." || chars[j] == "!" || chars[j] == "?" || chars[j] == "…" || isCloser(chars[j]) {
                j += 1
            }
            guard j < chars.count else { break }
            guard chars[j].properties.isWhitespace else { i = j; continue }
            var k = j
            while k < chars.count, chars[k].properties.isWhitespace { k += 1 }
            guard k < chars.count, startsSentence(chars[k]) else { i = k; continue }
            if c == ".", chars[i + 1..<j].allSatisfy({ isCloser($0) }), endsWithAbbreviation(chars, before: i) {
                i = k
                continue
            }
            append(chars[start..<j], to: &sentences)
            start = k
            i = k
        }
        if start < chars.count { append(chars[start...], to: &sentences) }
        return sentences
    }

    private static func append(_ slice: ArraySlice<Unicode.Scalar>, to sentences: inout [String]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: slice)
        let sentence = String(view).trimmed
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

    /// Whether the word that ends at the period at `index` is an abbreviation or an initial.
    private static func endsWithAbbreviation(_ chars: [Unicode.Scalar], before index: Int) -> Bool {
        var s = index
        while s > 0, chars[s - 1].properties.isAlphabetic || chars[s - 1] == "." { s -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: chars[s..<index])
        let word = String(view).lowercased()
        guard !word.isEmpty else { return false }
        if chars[s..<index].count == 1 { return chars[s].properties.isUppercase }  // an initial: "J. R. R. Tolkien"
        return abbreviations.contains(word)
    }
}
