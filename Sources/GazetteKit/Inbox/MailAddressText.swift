/// Addresses in free text (DESIGN.md step T3): `local@domain` with a dot-atom or quoted local
/// part and a domain of ASCII labels (no dot required: `user@mailhub0`).
enum MailAddressText {
    static let atext = #"A-Za-z0-9.!#$%&'*+/=?^_`{|}~-"#
    static let local = #"(?:"[^"\s]+"|["# + atext + #"]+)"#
    static let domain = #"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"#
    /// The address pattern, to build others from.
    static let address = local + "@" + domain

    private static let anywhere = InboxPattern(address)
    private static let whole = InboxPattern("(?:" + address + #")\z"#)

    /// Every address in the text, cleaned, each once (compared case-insensitively), in order.
    static func find(in text: String) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }
        var found: [String] = []
        var seen = Set<String>()
        for match in anywhere.allMatches(in: text) {
            let address = clean(match.group(0) ?? "")
            if !address.isEmpty, seen.insert(address.lowercased()).inserted { found.append(address) }
        }
        return found
    }

    /// Whether the whole text is one address (Python `fullmatch`).
    static func isAddress(_ text: String) -> Bool {
        whole.prefixMatch(in: text) != nil
    }

    /// The address without brackets, quotes, `mailto:` and trailing punctuation, its domain
    /// lower-cased; "" when there is no `@` or an empty side.
    static func clean(_ raw: String) -> String {
        var text = raw.pythonStripped.trimmingScalars(in: "<>[]()").pythonStripped
        if text.utf8.count >= 7, text.utf8.prefix(7).map(\.asciiLowercased).elementsEqual("mailto:".utf8) {
            text = String(text.unicodeScalars.dropFirst(7))
        }
        text = text.trimmingTrailingScalars(in: ".,;:")
        guard let at = text.unicodeScalars.lastIndex(of: "@") else { return "" }
        let local = text[..<at].pythonStripped.trimmingLeadingScalars(in: "<([").pythonStripped
        let domain = text[text.unicodeScalars.index(after: at)...].pythonStripped.trimmingTrailingScalars(in: ">)].,;:").lowercased()
        guard !local.isEmpty, !domain.isEmpty else { return "" }
        return local + "@" + domain
    }

    /// A plausible mailbox: something before the `@`, and a domain with a dot (not leading) or of
    /// letters and digits only.
    static func isPlausible(_ address: String) -> Bool {
        guard let at = address.unicodeScalars.lastIndex(of: "@") else { return false }
        let local = address.unicodeScalars[..<at]
        let domain = address.unicodeScalars[address.unicodeScalars.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, domain.first != "." else { return false }
        return domain.contains(".") || domain.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

extension String {
    /// Without any of `set`'s characters at either end (Python `strip(chars)`).
    func trimmingScalars(in set: String) -> String {
        trimmingLeadingScalars(in: set).trimmingTrailingScalars(in: set)
    }

    /// Without any of `set`'s characters at the start (Python `lstrip(chars)`).
    func trimmingLeadingScalars(in set: String) -> String {
        let members = set.unicodeScalars
        guard let first = unicodeScalars.first, members.contains(first) else { return self }
        let start = unicodeScalars.firstIndex { !members.contains($0) } ?? endIndex
        return String(self[start...])
    }

    /// Without any of `set`'s characters at the end (Python `rstrip(chars)`).
    func trimmingTrailingScalars(in set: String) -> String {
        let members = set.unicodeScalars
        guard let last = unicodeScalars.last, members.contains(last) else { return self }
        var end = unicodeScalars.endIndex
        while end > startIndex, members.contains(unicodeScalars[unicodeScalars.index(before: end)]) { unicodeScalars.formIndex(before: &end) }
        return String(self[..<end])
    }
}
