import Foundation

/// A regular expression of the classifier (Python `re` syntax that ICU reads the same way),
/// compiled once. Before ICU runs, the text must contain the literals every match contains
/// (`LiteralRequirement`), which refuses most texts for most patterns at the cost of a few
/// byte compares. Only `\n` ends a line (ICU's UNIX_LINES), as in Python.
final class InboxPattern: Sendable {
    /// How letter case is matched.
    enum Case {
        case sensitive
        /// ICU's case folding (`(?i)`): for patterns with non-ASCII letters.
        case insensitive
        /// The pattern is written in lower case with ASCII letters only; it is matched against
        /// the text with ASCII letters lower-cased (same offsets, so groups come from the
        /// original text). Same result as `(?i)` for ASCII, and much cheaper for ICU.
        case asciiFolded
    }

    private let regex: NSRegularExpression
    private let folds: Bool
    let requirement: LiteralRequirement

    /// `GAZETTE_INBOX_PREFILTER=off` turns the literal pre-filter off, to check that it changes nothing.
    static let prefilterEnabled = ProcessInfo.processInfo.environment["GAZETTE_INBOX_PREFILTER"] != "off"

    /// - Parameter prefilter: false for patterns tried on short lines, where the literal test costs
    ///   as much as ICU's anchored attempt.
    init(_ source: String, case mode: Case = .sensitive, multiline: Bool = false, prefilter: Bool = true) {
        var options: NSRegularExpression.Options = [.useUnixLineSeparators]
        if mode == .insensitive { options.insert(.caseInsensitive) }
        folds = mode == .asciiFolded
        if multiline { options.insert(.anchorsMatchLines) }
        do {
            regex = try NSRegularExpression(pattern: source, options: options)
        } catch {
            fatalError("bad classifier pattern \(source): \(error)")
        }
        requirement = prefilter ? LiteralRequirement(pattern: source, caseInsensitive: mode != .sensitive) : .none
    }

    /// Whether the literal test lets the text through to ICU.
    func mayMatch(_ text: InboxText) -> Bool {
        !Self.prefilterEnabled || requirement.groups.isEmpty || text.meets(requirement)
    }

    /// The first match anywhere (Python `search`).
    func firstMatch(in text: InboxText) -> InboxMatch? {
        guard mayMatch(text) else { return nil }
        let whole = NSRange(location: 0, length: text.string.utf16.count)
        return regex.firstMatch(in: folds ? text.foldedString : text.string, options: [], range: whole).map { InboxMatch(string: text.string, result: $0) }
    }

    /// A match that starts at the beginning of the text (Python `match`).
    func prefixMatch(in text: InboxText) -> InboxMatch? {
        guard mayMatch(text) else { return nil }
        let whole = NSRange(location: 0, length: text.string.utf16.count)
        return regex.firstMatch(in: folds ? text.foldedString : text.string, options: [.anchored], range: whole)
            .map { InboxMatch(string: text.string, result: $0) }
    }

    /// Every non-overlapping match, in order (Python `finditer`).
    func allMatches(in text: InboxText) -> [InboxMatch] {
        guard mayMatch(text) else { return [] }
        let whole = NSRange(location: 0, length: text.string.utf16.count)
        return regex.matches(in: folds ? text.foldedString : text.string, options: [], range: whole).map { InboxMatch(string: text.string, result: $0) }
    }

    /// Every match replaced by `replacement` (taken literally); for `.sensitive` and `.insensitive` patterns.
    func replacingMatches(in string: String, with replacement: String) -> String {
        guard mayMatch(InboxText(string)) else { return string }
        let whole = NSRange(location: 0, length: string.utf16.count)
        return regex.stringByReplacingMatches(in: string, options: [], range: whole,
                                              withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }

    /// Whether the pattern occurs anywhere in the text.
    func occurs(in text: InboxText) -> Bool { firstMatch(in: text) != nil }

    func firstMatch(in string: String) -> InboxMatch? { firstMatch(in: InboxText(string)) }
    func prefixMatch(in string: String) -> InboxMatch? { prefixMatch(in: InboxText(string)) }
    func allMatches(in string: String) -> [InboxMatch] { allMatches(in: InboxText(string)) }
    func occurs(in string: String) -> Bool { firstMatch(in: InboxText(string)) != nil }
}

/// One match of an `InboxPattern`.
struct InboxMatch {
    let string: String
    let result: NSTextCheckingResult

    /// The text of capture group `index` (0: the whole match); nil when it took no part.
    func group(_ index: Int) -> String? {
        let range = result.range(at: index)
        guard range.location != NSNotFound, let bounds = Range(range, in: string) else { return nil }
        return String(string[bounds])
    }

    /// The text after the match.
    var after: String {
        guard let bounds = Range(result.range, in: string) else { return "" }
        return String(string[bounds.upperBound...])
    }

    /// The number of capture groups plus one (the whole match).
    var groupCount: Int { result.numberOfRanges }

    /// Where the match starts and ends, in UTF-16 units.
    var range: NSRange { result.range }
}
