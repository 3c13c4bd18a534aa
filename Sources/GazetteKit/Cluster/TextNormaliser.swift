import Foundation

/// Text normalisation before tokenising (design §2): NFKC, curly apostrophes, split decimals
/// rejoined, clock times and numeric dates removed, day numbers next to month names dropped,
/// possessives removed, `%` spelled out. Each step is a hand-written matcher that behaves like the
/// prototype's regular expression (leftmost match, then scanning on after it).
enum TextNormaliser {
    typealias Scalars = [Unicode.Scalar]

    static func normalise(_ text: String) -> Scalars {
        var scalars = compatibilityComposed(text)
        var present: UInt128 = 0  // the ASCII characters of the text, one bit each
        var otherDigit = false
        for index in scalars.indices {
            var scalar = scalars[index]
            if scalar == "\u{2019}" || scalar == "\u{2018}" {
                scalar = "'"
                scalars[index] = scalar
            }
            if scalar.value < 0x80 {
                present |= 1 << scalar.value
            } else if !otherDigit, ScalarClass.isDigit(scalar) {
                otherDigit = true
            }
        }
        let hasDigit = otherDigit || present & (0x3FF << 0x30) != 0
        let seen = { (character: Unicode.Scalar) in present & (1 << character.value) != 0 }
        // Each step runs only when its text can match: a digit, and the punctuation it needs.
        if hasDigit {
            if seen(".") { scalars = rewrite(scalars, splitDecimal) }
            if seen(",") { scalars = rewrite(scalars, splitThousands) }
            if seen(":") { scalars = rewrite(scalars, clockTime) }
            if seen("/") || seen(".") || seen("-") { scalars = rewrite(scalars, numericDate) }
            scalars = rewrite(scalars, monthThenDay)
            scalars = rewrite(scalars, dayThenMonth)
        }
        if seen("'") { scalars = rewrite(scalars, possessive) }
        if hasDigit, seen("%") { scalars = rewrite(scalars, percentSign) }
        return scalars
    }

    /// NFKC. Text made only of ASCII, Latin-1 letters and common typographic punctuation is
    /// already in that form, so it skips Foundation's normaliser.
    static func compatibilityComposed(_ text: String) -> Scalars {
        let scalars = Array(text.unicodeScalars)
        let stable = scalars.allSatisfy { scalar in
            switch scalar.value {
            case 0...0x7F, 0xC0...0xFF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022: return true
            default: return false
            }
        }
        return stable ? scalars : Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
    }

    /// One substitution pass: at each position `match` may return where its match ends and what
    /// replaces it; scanning resumes after the match.
    static func rewrite(_ text: Scalars, _ match: (Scalars, Int) -> (end: Int, replacement: Scalars)?) -> Scalars {
        var output = Scalars()
        output.reserveCapacity(text.count + 8)
        var index = 0
        var changed = false
        while index < text.count {
            if let found = match(text, index) {
                output += found.replacement
                index = found.end
                changed = true
            } else {
                output.append(text[index])
                index += 1
            }
        }
        return changed ? output : text
    }

    // MARK: The steps

    /// `(\d)\. (\d)(?!\d)` → `\1.\2` ("5. 9" → "5.9").
    static func splitDecimal(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i), at(s, i + 1) == ".", at(s, i + 2) == " ", digit(s, i + 3), !digit(s, i + 4) else { return nil }
        return (i + 4, [s[i], ".", s[i + 3]])
    }

    /// `(\d), (\d{3})\b` → `\1,\2` ("30, 000" → "30,000").
    static func splitThousands(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i), at(s, i + 1) == ",", at(s, i + 2) == " ", digit(s, i + 3), digit(s, i + 4), digit(s, i + 5),
              !word(s, i + 6) else { return nil }
        return (i + 6, [s[i], ",", s[i + 3], s[i + 4], s[i + 5]])
    }

    /// `\b\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?` → space (case-insensitive).
    static func clockTime(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i), !word(s, i - 1) else { return nil }
        var j = i + 1
        if digit(s, j) { j += 1 }
        j = skipSpace(s, j)
        guard at(s, j) == ":" else { return nil }
        j = skipSpace(s, j + 1)
        guard digit(s, j), digit(s, j + 1) else { return nil }
        j += 2
        var k = skipSpace(s, j)
        if at(s, k) == ":" {
            k = skipSpace(s, k + 1)
            if digit(s, k), digit(s, k + 1) { j = k + 2 }
        }
        k = skipSpace(s, j)
        if let first = at(s, k), "aApP".unicodeScalars.contains(first) {
            k += 1
            if at(s, k) == "." { k += 1 }
            k = skipSpace(s, k)
            if at(s, k) == "m" || at(s, k) == "M", !word(s, k + 1) {
                k += 1
                if at(s, k) == "." { k += 1 }
                j = k
            }
        }
        return (j, [" "])
    }

    /// `\b\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b` → space.
    static func numericDate(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i), !word(s, i - 1) else { return nil }
        var j = i
        for (index, range) in [1...4, 1...2, 2...4].enumerated() {
            if index > 0 {
                j = skipSpace(s, j)
                guard let separator = at(s, j), separator == "/" || separator == "." || separator == "-" else { return nil }
                j = skipSpace(s, j + 1)
            }
            let run = digitRun(s, j)
            guard range.contains(run) else { return nil }
            j += run
        }
        return word(s, j) ? nil : (j, [" "])
    }

    /// `\b(M)\s*(\d{1,2})(st|nd|rd|th)?\b(?!\s*[:%])` → `\1`: "May 2" → "May" (case-insensitive).
    static func monthThenDay(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard !word(s, i - 1), let monthEnd = month(s, i) else { return nil }
        var j = skipSpace(s, monthEnd)
        let run = digitRun(s, j)
        guard run == 1 || run == 2 else { return nil }
        j += run
        if ordinalSuffix(s, j), !word(s, j + 2) {
            j += 2
        } else if word(s, j) {
            return nil
        }
        let next = at(s, skipSpace(s, j))
        guard next != ":", next != "%" else { return nil }
        return (j, Array(s[i..<monthEnd]))
    }

    /// `\b(\d{1,2})(st|nd|rd|th)?\s+(M)` → `\3`: "2 May" → "May" (case-insensitive).
    static func dayThenMonth(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i), !word(s, i - 1) else { return nil }
        let run = digitRun(s, i)
        guard run == 1 || run == 2 else { return nil }
        var j = i + run
        if ordinalSuffix(s, j) { j += 2 }
        let monthStart = skipSpace(s, j)
        guard monthStart > j, let monthEnd = month(s, monthStart) else { return nil }
        return (monthEnd, Array(s[monthStart..<monthEnd]))
    }

    /// `'s\b` → space (case-insensitive).
    static func possessive(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard at(s, i) == "'", at(s, i + 1) == "s" || at(s, i + 1) == "S", !word(s, i + 2) else { return nil }
        return (i + 2, [" "])
    }

    /// `(\d)\s*%` → `\1 percent`.
    static func percentSign(_ s: Scalars, _ i: Int) -> (end: Int, replacement: Scalars)? {
        guard digit(s, i) else { return nil }
        let k = skipSpace(s, i + 1)
        guard at(s, k) == "%" else { return nil }
        return (k + 1, [s[i]] + Array(" percent".unicodeScalars))
    }

    // MARK: Pieces

    /// The month prefixes, three lower-case ASCII letters packed into an integer.
    static let monthPrefixes: Set<UInt32> = Set(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { word in
        word.unicodeScalars.reduce(0) { $0 << 8 | $1.value }
    })

    /// `M = (jan|feb|…|dec)[a-z]*\.?` at `i` (case-insensitive); the index after it.
    static func month(_ s: Scalars, _ i: Int) -> Int? {
        guard i + 3 <= s.count else { return nil }
        var packed: UInt32 = 0
        for scalar in s[i..<i + 3] {
            guard ScalarClass.isASCIILetter(scalar.value) else { return nil }
            packed = packed << 8 | (scalar.value | 0x20)
        }
        guard monthPrefixes.contains(packed) else { return nil }
        var j = i + 3
        // `[a-z]` ignoring case also takes "İ" and "ı", whose other case is an ASCII "i".
        while let scalar = at(s, j), ScalarClass.isASCIILetter(scalar.value) || scalar == "\u{130}" || scalar == "\u{131}" { j += 1 }
        if at(s, j) == "." { j += 1 }
        return j
    }

    /// `st|nd|rd|th` at `i`, case-insensitive.
    static func ordinalSuffix(_ s: Scalars, _ i: Int) -> Bool {
        guard let a = at(s, i), let b = at(s, i + 1), ScalarClass.isASCIILetter(a.value), ScalarClass.isASCIILetter(b.value) else {
            return false
        }
        switch (UInt8(a.value | 0x20), UInt8(b.value | 0x20)) {
        case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
             (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")): return true
        default: return false
        }
    }

    @inline(__always) static func at(_ s: Scalars, _ i: Int) -> Unicode.Scalar? { i >= 0 && i < s.count ? s[i] : nil }
    @inline(__always) static func digit(_ s: Scalars, _ i: Int) -> Bool { i >= 0 && i < s.count && ScalarClass.isDigit(s[i]) }
    @inline(__always) static func word(_ s: Scalars, _ i: Int) -> Bool { i >= 0 && i < s.count && ScalarClass.isWord(s[i]) }

    static func skipSpace(_ s: Scalars, _ i: Int) -> Int {
        var j = i
        while j < s.count, ScalarClass.isSpace(s[j]) { j += 1 }
        return j
    }

    static func digitRun(_ s: Scalars, _ i: Int) -> Int {
        var j = i
        while digit(s, j) { j += 1 }
        return j - i
    }
}
