/// Greedy word wrapping by display width for the plain-text part.
///
/// Breaks at spaces and between CJK characters (which have none), never inside a character.
/// A URL longer than the line stays whole on a line of its own; any other over-long word is split.
struct TextWrapper: Sendable {
    var width: Int

    init(width: Int = 72) {
        self.width = max(8, width)
    }

    /// Lines of `text` (whitespace collapsed), each prefixed by `indent`, none wider than
    /// `width` columns unless it holds a single unbreakable URL.
    func lines(_ text: String, indent: String = "") -> [String] {
        let available = max(4, width - DisplayWidth.of(indent))
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            if !line.isEmpty { lines.append(indent + line) }
            line = ""
            lineWidth = 0
        }
        for unit in Self.units(of: text) {
            let gap = (unit.spaced && !line.isEmpty) ? 1 : 0
            if lineWidth + gap + unit.width <= available {
                if gap == 1 { line.append(" ") }
                line += unit.text
                lineWidth += gap + unit.width
                continue
            }
            flush()
            if unit.width <= available || Self.isURL(unit.text) {
                line = unit.text
                lineWidth = unit.width
                continue
            }
            // An over-long word: split it by width, character by character.
            for character in unit.text {
                let columns = DisplayWidth.of(character)
                if lineWidth + columns > available { flush() }
                line.append(character)
                lineWidth += columns
            }
        }
        flush()
        return lines
    }

    /// `lines` joined with newlines.
    func wrap(_ text: String, indent: String = "") -> String {
        lines(text, indent: indent).joined(separator: "\n")
    }

    struct Unit {
        var text: String
        var width: Int
        /// Whether a space separated it from the previous unit.
        var spaced: Bool
    }

    /// Words, and single wide characters (CJK ideographs, kana, emoji) as units of their own.
    static func units(of text: String) -> [Unit] {
        var units: [Unit] = []
        var word = ""
        var wordWidth = 0
        var pendingSpace = false
        func push(_ text: String, _ width: Int) {
            units.append(Unit(text: text, width: width, spaced: pendingSpace))
            pendingSpace = false
        }
        func endWord() {
            guard !word.isEmpty else { return }
            push(word, wordWidth)
            word = ""
            wordWidth = 0
        }
        for character in text {
            if character.isWhitespace {
                endWord()
                pendingSpace = true
                continue
            }
            let columns = DisplayWidth.of(character)
            if word.isEmpty, !pendingSpace, !units.isEmpty, isClosingPunctuation(character) {
                // Closing punctuation stays with what it closes (no line starts with "。").
                units[units.count - 1].text.append(character)
                units[units.count - 1].width += columns
            } else if columns == 2 {
                endWord()
                push(String(character), columns)
            } else {
                word.append(character)
                wordWidth += columns
            }
        }
        endWord()
        return units
    }

    static func isClosingPunctuation(_ character: Character) -> Bool {
        "、。，．：；！？）」』】〕〉》”’,.;:!?)".contains(character)
    }

    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("mailto:")
    }
}
