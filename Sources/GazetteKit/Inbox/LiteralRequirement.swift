/// Literal strings that every match of a regular expression contains, read off its source: the
/// cheap test `InboxPattern` runs before asking ICU. "All of these groups, one string of each":
/// a pattern `mail ?box (is )?full` needs one of `mailbox is full`, `mailbox full`, ... in the
/// text; `(quota|disk) exceeded` needs `quota exceeded` or `disk exceeded`.
///
/// The reading is conservative: anything it does not fully understand (classes of more than a
/// few characters, `.`, `\w`, `*`, back-references, non-ASCII letters under case folding) adds
/// no condition, so a text the pattern matches is never refused.
struct LiteralRequirement: Sendable {
    /// Each group needs at least one of its strings (UTF-8; lower-cased for case-insensitive patterns).
    let groups: [[[UInt8]]]

    /// No condition: every text is searched.
    static let none = LiteralRequirement(groups: [])

    init(groups: [[[UInt8]]]) {
        self.groups = groups
    }

    /// The requirement of `pattern` (Python/ICU syntax); `caseInsensitive` when compiled with `(?i)`.
    init(pattern: String, caseInsensitive: Bool) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars), caseInsensitive: caseInsensitive)
        let info = parser.alternation()
        guard parser.position == parser.scalars.count else { self = .none; return }
        // Longest strings first: they are the rarest; three groups are plenty.
        let groups = info.conditions
            .sorted { ($0.map(\.utf8.count).min() ?? 0) > ($1.map(\.utf8.count).min() ?? 0) }
            .prefix(3)
            .map { $0.sorted().map { Array($0.utf8) } }
        self.groups = Array(groups)
    }

    /// What is known about the texts a piece of a pattern matches: either the exact (small, finite)
    /// set of them, or conditions (groups of strings, one of each group occurs).
    private struct Info {
        var exact: Set<String>?
        var required: [Set<String>]

        static let anything = Info(exact: nil, required: [])
        static let empty = Info(exact: [""], required: [])

        /// The conditions, with an exact set turned into one group (none if it can be empty).
        var conditions: [Set<String>] {
            guard let exact else { return required }
            return exact.isEmpty || exact.contains("") ? [] : [exact]
        }
    }

    private static let maxExact = 64

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var caseInsensitive: Bool
        var position = 0

        init(scalars: [Unicode.Scalar], caseInsensitive: Bool) {
            self.scalars = scalars
            self.caseInsensitive = caseInsensitive
        }

        var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func alternation() -> Info {
            var branches = [concatenation()]
            while peek == "|" {
                position += 1
                branches.append(concatenation())
            }
            guard branches.count > 1 else { return branches[0] }
            if branches.allSatisfy({ $0.exact != nil }) {
                let union = branches.reduce(into: Set<String>()) { $0.formUnion($1.exact!) }
                if union.count <= LiteralRequirement.maxExact { return Info(exact: union, required: []) }
            }
            // One of the branches matched: the union of each branch's best group.
            var union = Set<String>()
            for branch in branches {
                guard let best = branch.conditions.max(by: { ($0.map(\.count).min() ?? 0) < ($1.map(\.count).min() ?? 0) }) else {
                    return .anything
                }
                union.formUnion(best)
            }
            return Info(exact: nil, required: [union])
        }

        /// A sequence: runs of exact pieces are multiplied out, the rest collects conditions.
        mutating func concatenation() -> Info {
            var run: Set<String> = [""]
            var required: [Set<String>] = []
            var exactSoFar = true
            func flush() {
                if !run.contains("") { required.append(run) }
                run = [""]
            }
            while let next = peek, next != "|", next != ")" {
                let piece = quantified(atom())
                if let exact = piece.exact {
                    if run.count * exact.count <= LiteralRequirement.maxExact {
                        var product = Set<String>()
                        for left in run { for right in exact { product.insert(left + right) } }
                        run = product
                    } else {
                        exactSoFar = false
                        flush()
                        run = exact
                    }
                } else {
                    exactSoFar = false
                    flush()
                    required += piece.required
                }
            }
            if exactSoFar { return Info(exact: run, required: []) }
            flush()
            return Info(exact: nil, required: required)
        }

        mutating func quantified(_ atom: Info) -> Info {
            guard let next = peek else { return atom }
            var low = 1, high: Int? = 1
            switch next {
            case "?": low = 0; high = 1; position += 1
            case "*": low = 0; high = nil; position += 1
            case "+": low = 1; high = nil; position += 1
            case "{":
                guard let bounds = braces() else { return atom }
                (low, high) = bounds
            default: return atom
            }
            if peek == "?" || peek == "+" { position += 1 }  // lazy or possessive: same texts
            if low == 0 {
                if high == 1, let exact = atom.exact { return Info(exact: exact.union([""]), required: []) }
                return .anything
            }
            if let exact = atom.exact, high == low, low <= 3 {
                var product: Set<String> = [""]
                for _ in 0..<low {
                    var next = Set<String>()
                    for left in product { for right in exact { next.insert(left + right) } }
                    product = next
                }
                if product.count <= LiteralRequirement.maxExact { return Info(exact: product, required: []) }
            }
            return Info(exact: nil, required: atom.conditions)
        }

        /// `{m}`, `{m,}`, `{m,n}` at the cursor (consumed), or nil (a literal brace, nothing consumed).
        mutating func braces() -> (Int, Int?)? {
            var index = position + 1
            func number() -> Int? {
                var value: Int?
                while index < scalars.count, let digit = Int(String(scalars[index])), scalars[index].isASCII {
                    value = (value ?? 0) * 10 + digit
                    index += 1
                }
                return value
            }
            guard let low = number() else { return nil }
            var high: Int? = low
            if index < scalars.count, scalars[index] == "," {
                index += 1
                high = number()
            }
            guard index < scalars.count, scalars[index] == "}" else { return nil }
            position = index + 1
            return (low, high)
        }

        mutating func atom() -> Info {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "(": return group()
            case "[": return characterClass()
            case ".": return .anything
            case "^", "$": return .empty
            case "\\": return escape()
            default: return literal(scalar)
            }
        }

        mutating func group() -> Info {
            var zeroWidth = false
            if peek == "?" {
                position += 1
                switch peek {
                case ":": position += 1
                case "=", "!": position += 1; zeroWidth = true
                case "<" where position + 1 < scalars.count && (scalars[position + 1] == "=" || scalars[position + 1] == "!"):
                    position += 2; zeroWidth = true
                case "P", "<":
                    // named group
                    while let next = peek, next != ">" { position += 1 }
                    position += 1
                default:
                    // inline flags: (?i) or (?is:...)
                    while let next = peek, next.properties.isAlphabetic {
                        if next == "i" { caseInsensitive = true }
                        position += 1
                    }
                    if peek == ")" { position += 1; return .empty }
                    if peek == ":" { position += 1 }
                }
            }
            let inner = alternation()
            if peek == ")" { position += 1 }
            return zeroWidth ? .empty : inner
        }

        mutating func escape() -> Info {
            guard let next = peek else { return .anything }
            position += 1
            switch next {
            case "b", "B", "A", "Z", "z", "G": return .empty
            case "d", "D", "s", "S", "w", "W", "p", "P", "X", "R", "h", "H", "v", "V": return .anything
            case "n": return literal("\n")
            case "t": return literal("\t")
            case "r": return literal("\r")
            case "f": return literal("\u{0C}")
            case "u", "x":
                let count = next == "u" ? 4 : 2
                guard position + count <= scalars.count,
                      let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + count])), radix: 16),
                      let decoded = Unicode.Scalar(value) else { return .anything }
                position += count
                return literal(decoded)
            default:
                if next.properties.numericType != nil { return .anything }  // back-reference
                return literal(next)
            }
        }

        func literal(_ scalar: Unicode.Scalar) -> Info {
            if caseInsensitive {
                if scalar.isASCII { return Info(exact: [String(Character(scalar)).lowercased()], required: []) }
                if scalar.properties.changesWhenCaseMapped { return .anything }
            }
            return Info(exact: [String(Character(scalar))], required: [])
        }

        /// `[...]`: a handful of literal characters is an exact set; anything else (ranges, class
        /// escapes, negation, nested sets) matches too much to say.
        mutating func characterClass() -> Info {
            var members: [Unicode.Scalar] = []
            var understood = true
            if peek == "^" { understood = false; position += 1 }
            if peek == "]" { members.append("]"); position += 1 }
            while let next = peek, next != "]" {
                position += 1
                var member = next
                if next == "[" { understood = false; skipNestedSet(); continue }
                if next == "\\" {
                    guard let escaped = peek else { break }
                    position += 1
                    switch escaped {
                    case "u", "x":
                        let count = escaped == "u" ? 4 : 2
                        if position + count <= scalars.count,
                           let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + count])), radix: 16),
                           let decoded = Unicode.Scalar(value) {
                            member = decoded
                            position += count
                        } else {
                            understood = false
                        }
                    case "n": member = "\n"
                    case "t": member = "\t"
                    default:
                        if escaped.properties.isAlphabetic || escaped.properties.numericType != nil { understood = false; continue }
                        member = escaped
                    }
                }
                if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                    // a range: too many characters to list
                    position += 2
                    if position - 1 < scalars.count, scalars[position - 1] == "\\" { position += 1 }
                    understood = false
                    continue
                }
                members.append(member)
            }
            if peek == "]" { position += 1 }
            guard understood, !members.isEmpty, members.count <= 8 else { return .anything }
            var set = Set<String>()
            for member in members {
                let piece = literal(member)
                guard let exact = piece.exact else { return .anything }
                set.formUnion(exact)
            }
            return Info(exact: set, required: [])
        }

        mutating func skipNestedSet() {
            var depth = 1
            while let next = peek, depth > 0 {
                position += 1
                if next == "\\" { position += 1 } else if next == "[" { depth += 1 } else if next == "]" { depth -= 1 }
            }
        }
    }
}
