/// The character classes of the clustering text rules, as Python's `re` defines them for text:
/// a digit is a Unicode decimal digit (Nd); a word character is a letter, any number or `_`.
enum ScalarClass {
    /// `\d`: a decimal digit of any script.
    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return isNonASCIIDigit(scalar)
    }

    private static func isNonASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    /// `\w`: letters, digits, other numbers and `_`.
    @inline(__always) static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return isASCIIAlphanumeric(value) || value == 0x5F }
        return isNonASCIIWord(scalar)
    }

    private static func isNonASCIIWord(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || scalar.properties.numericType != nil
    }

    /// `[^\W\d_]`: a character of a word token (letters, and numbers that are not decimal digits).
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return isASCIILetter(value) }
        return isNonASCIILetter(scalar)
    }

    private static func isNonASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default:
            let type = scalar.properties.numericType
            return type != nil && type != .decimal
        }
    }

    /// `\s`: the characters Python's `str.isspace` accepts.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Scripts written without spaces between words (kana, CJK ideographs, Hangul, Thai, Lao,
    /// Myanmar, Khmer): their runs become character bigrams.
    static func isNoSpaceScript(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF,
             0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    @inline(__always) static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    @inline(__always) static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        isASCIILetter(value) || (value >= 0x30 && value <= 0x39)
    }

    /// The ASCII digit of a decimal digit of any script ("٣" → "3").
    static func asciiDigit(_ scalar: Unicode.Scalar) -> UInt8 {
        if scalar.value < 0x80 { return UInt8(scalar.value) }
        return 0x30 + UInt8(scalar.properties.numericValue.map { Int($0) } ?? 0)
    }
}
