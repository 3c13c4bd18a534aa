import Foundation

/// Chooses a story's lead: the first real prose paragraphs of the body, trimmed to a character
/// budget at a sentence boundary, falling back to the page's description.
public struct LeadPicker: Sendable {
    /// Paragraphs in the lead.
    public var paragraphCount: Int
    /// Characters the lead may use; the first sentence is kept whole even when longer.
    public var characterBudget: Int

    public init(paragraphCount: Int = 2, characterBudget: Int = 600) {
        self.paragraphCount = paragraphCount
        self.characterBudget = characterBudget
    }

    /// - Returns: the lead paragraphs and where they came from.
    public func pick(paragraphs: [String], headline: String?, description: String?) -> ([String], LeadSource) {
        var chosen: [String] = []
        for paragraph in paragraphs where chosen.count < paragraphCount {
            if Self.isProse(paragraph), !Self.isFurniture(paragraph), !Self.repeats(paragraph, headline) { chosen.append(paragraph) }
        }
        if !chosen.isEmpty { return (trim(chosen), .body) }
        if let description = description?.collapsingWhitespace, !description.isEmpty { return (trim([description]), .description) }
        return ([], .none)
    }

    /// Keeps whole sentences while they fit the budget; never cuts one in half.
    public func trim(_ paragraphs: [String]) -> [String] {
        var result: [String] = []
        var used = 0
        for paragraph in paragraphs {
            var kept: [String] = []
            let sentences = SentenceSplitter.split(paragraph)
            for sentence in sentences {
                let cost = sentence.count + (kept.isEmpty ? 0 : 1)
                if used + cost > characterBudget, !(result.isEmpty && kept.isEmpty) {
                    if !kept.isEmpty { result.append(Self.join(kept)) }
                    return result
                }
                kept.append(sentence)
                used += cost
            }
            // A paragraph kept whole stays as it was written.
            if !kept.isEmpty { result.append(kept.count == sentences.count ? paragraph : Self.join(kept)) }
        }
        return result
    }

    /// Sentences joined as text in their script is: a space between them, none after a CJK full
    /// stop (Chinese and Japanese put no space between sentences).
    static func join(_ sentences: [String]) -> String {
        var text = ""
        for sentence in sentences {
            if let last = text.unicodeScalars.last, !"。！？」』）".unicodeScalars.contains(last) { text += " " }
            text += sentence
        }
        return text
    }

    /// Bylines, datelines alone, photo credits, "updated" stamps, audio/translation notes, reading times.
    public static func isFurniture(_ text: String) -> Bool {
        let words = text.spaceCount + 1
        if endsWithCredit(text) { return true }
        guard words <= 25 else { return false }  // everything below describes short lines
        let lower = text.asciiLowercased
        func starts(_ prefix: String) -> Bool { lower.utf8.starts(with: prefix.utf8) }
        let endsAsSentence = lower.last.map { ".!?\"”".contains($0) } ?? false
        if (starts("by ") || starts("von ") || starts("par ")), words <= 20, !endsAsSentence {
            return true
        }
        for stamp in ["updated", "published", "posted", "last updated", "first published", "modified"]
            where starts(stamp) && words <= 15 && !endsAsSentence {
            return true
        }
        for note in ["audio is created", "listen to this article", "listen to article", "translated by", "machine-translated",
                     "this article was translated", "min read", "minute read", "reading time", "click to listen"]
            where lower.has(note) {
            return true
        }
        if ["photo:", "photo by", "photograph by", "image:", "credit:", "illustration:", "pictured:"].contains(where: starts) {
            return true
        }
        // A dateline alone: "WASHINGTON —", "LONDON (Reuters) -".
        if words <= 5, let last = lower.last, "—–-:".contains(last) { return true }
        // A date or time alone: "April 7, 2024 11:01 AM".
        if words <= 8, !endsAsSentence, Timestamp.parse(text) != nil { return true }
        return false
    }

    /// A caption ending in a parenthesised credit: "... (Photo: Jane Doe/Reuters)".
    private static func endsWithCredit(_ text: String) -> Bool {
        guard text.utf8.last == UInt8(ascii: ")") else { return false }
        let tail = String(text.suffix(80)).lowercased()
        guard let open = tail.lastIndex(of: "(") else { return false }
        let credit = String(tail[open...])
        return ["photo", "image", "getty", "reuters", "afp", "ap ", "/", "credit", "courtesy", "shutterstock"].contains(where: credit.has)
    }

    /// A photo credit line: "Natalie Naccache | Bloomberg | Getty Images", "(AP Photo/Jane Doe)".
    public static func isPhotoCredit(_ text: String) -> Bool {
        guard text.utf8.count <= 160, text.spaceCount <= 13 else { return false }
        let lower = text.asciiLowercased
        return ["getty images", "ap photo", "/ap", "/ reuters", "| reuters", "/reuters", "afp via", "/afp", "shutterstock",
                "photo credit", "image credit", "photo courtesy", "courtesy of", "| bloomberg", "epa-efe", "/ epa",
         "photo: ", "foto: ", "bild: ", "image: ", "credit: ", "photograph: ", "crédit photo", "crédits photo", "(photo"]
            .contains(where: lower.has)
    }

    /// A short label, not a sentence: a section name, a date or time, "Text size", a reading time.
    public static func isLabel(_ text: String) -> Bool {
        let words = text.spaceCount + 1
        guard let last = text.last, !".!?\"”:。！？」".contains(last), cjkCount(text) < 12 else { return false }
        if words <= 3 { return true }
        return words <= 8 && text.contains(where: \.isNumber)
    }

    /// Enough words and sentence punctuation to read as prose (or a long run of words).
    public static func isProse(_ text: String) -> Bool {
        let words = text.spaceCount + 1
        if words < 15, cjkCount(text) >= 20 { return true }
        let hasStop = text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") }
            || text.contains(where: { "。！？".contains($0) })
        return (words >= 6 && hasStop) || words >= 15
    }

    /// Characters of scripts written without spaces between words (kana, CJK ideographs, Hangul).
    static func cjkCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            let v = scalar.value
            return count + ((0x3040...0x9FFF).contains(v) || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v) ? 1 : 0)
        }
    }

    /// Whether a paragraph only repeats the headline.
    static func repeats(_ text: String, _ headline: String?) -> Bool {
        guard let headline, text.utf8.count <= headline.utf8.count * 2 + 20 else { return false }
        let a = text.lowercased().trimmingPunctuation, b = headline.lowercased().trimmingPunctuation
        return a == b || (a.count < b.count + 10 && a.hasPrefix(b))
    }
}
