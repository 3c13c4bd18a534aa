/// Case tests and lower-casing on Unicode scalars with Python's `str` semantics (full case
/// mappings, a final capital sigma lower-cased to "ς").
enum CaseMapping {
    static func lowercased(_ word: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(word.count)
        for index in word.indices {
            let scalar = word[index]
            if scalar.value < 0x80 {
                out.append(ScalarClass.isASCIILetter(scalar.value) ? Unicode.Scalar(UInt8(scalar.value | 0x20)) : scalar)
            } else if scalar == "\u{03A3}" {
                out.append(isFinalSigma(word, at: index) ? "\u{03C2}" : "\u{03C3}")
            } else {
                out += scalar.properties.lowercaseMapping.unicodeScalars
            }
        }
        return out
    }

    /// The Unicode `Uppercase` property (`c.isupper()` for one character).
    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// The Unicode `Lowercase` property (`c.islower()` for one character).
    @inline(__always) static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    /// Whether lower and upper case differ for this character (`c.lower() != c.upper()`).
    static func hasCase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return ScalarClass.isASCIILetter(scalar.value) }
        return scalar.properties.lowercaseMapping != scalar.properties.uppercaseMapping
    }

    /// `str.isupper()`: some upper-case letter and no lower-case or title-case one.
    static func isAllCaps(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var upper = false
        for scalar in word {
            if scalar.value < 0x80 {
                if isLower(scalar) { return false }
                if isUpper(scalar) { upper = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { upper = true }
        }
        return upper
    }

    /// Σ preceded by a cased letter and not followed by one (case-ignorable characters skipped).
    private static func isFinalSigma(_ word: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        var before = index - 1
        while before >= word.startIndex, word[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= word.startIndex, word[before].properties.isCased else { return false }
        var after = index + 1
        while after < word.endIndex, word[after].properties.isCaseIgnorable { after += 1 }
        return after == word.endIndex || !word[after].properties.isCased
    }
}
