/// Failed recipients named in a plain-text notice (DESIGN.md step T3).
enum RecipientScanner {
    private static let address = MailAddressText.address

    /// "  a@b", "<a@b>: host ...", "a@b on <date>", ">>> a@b <...>", "* a@b", "\"a@b\":": an address
    /// at the start of a line.
    private static let lead = InboxPattern(
        #"^\s*(?:[>*\u2022-]+\s*|\d+[.)]\s+)?(?:"[^"@]*"\s*)?<?"?("# + address + #")"?>?(?![A-Za-z0-9@_-]|\.[A-Za-z0-9])"#)
    /// The address of an SMTP RCPT command in a transcript.
    private static let rcptCommand = InboxPattern(#"rcpt to:\s*<?("# + address + ")", case: .asciiFolded)
    /// "Recipient: a@b", "Original-Recipient: rfc822;a@b", "Could not be delivered to: <a@b>", ...
    private static let labelled = InboxPattern(
        #"(?:(?:recipient(?:s|\(s\))?|failed (?:recipient|address))(?:\s+[\w-]+){0,4}\s*[:;]|"#
            + #"(?:original|final)-recipient\s*:|"#
            + #"(?:deliver|delivered|delivery|send|sent|sending|undeliverable|addressed)(?:\s+[\w-]+){0,2}\s+to\s*:|"#
            + #"(?:deliver|delivered|delivery|send|sent|sending|undeliverable|addressed)(?:\s+[\w-]+){0,2}\s+to(?=\s+<?"# + address + "))"
            + #"\s*(?:rfc822;\s*)?<?"?("# + address + ")",
        case: .asciiFolded)
    /// "Address: <a@b>" (brackets required).
    private static let bracketLabel = InboxPattern(#"\baddress\s*:\s*<("# + address + ")>", case: .asciiFolded)
    /// An error statement ending with the address: "User's mailbox is full: <a@b>".
    private static let trailing = InboxPattern(#"^(.{6,120}?):\s*<?("# + address + #")>?\s*$"#)
    /// An SMTP reply line quoting the address: "550 5.1.1 <a@b>... User unknown".
    static let replyLine = InboxPattern(
        #"^\s*(?:<<<\s*)?[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\s+)?[^<]{0,40}?<("# + address + ")>", case: .asciiFolded)

    /// The candidate addresses of each notice line that has any, before exclusions: they do not
    /// depend on what is excluded, so one scan serves every call of `recipients`.
    struct Candidates {
        fileprivate let lines: [(number: Int, addresses: [String])]
    }

    static func candidates(in notice: String) -> Candidates {
        var lines: [(Int, [String])] = []
        for (number, line) in notice.newlineSeparated.enumerated() where line.utf8.contains(UInt8(ascii: "@")) {
            let text = InboxText(String(line))
            var found: [String] = []
            if let match = lead.prefixMatch(in: text), let group = match.group(1) { found.append(group) }
            found += rcptCommand.allMatches(in: text).compactMap { $0.group(1) }
            found += labelled.allMatches(in: text).compactMap { $0.group(1) }
            if let match = replyLine.prefixMatch(in: text), let group = match.group(1) { found.append(group) }
            found += bracketLabel.allMatches(in: text).compactMap { $0.group(1) }
            if let match = trailing.prefixMatch(in: text), let statement = match.group(1), !PhraseTables.anyReason(statement).isEmpty,
               let group = match.group(2) {
                found.append(group)
            }
            let addresses = found.map(MailAddressText.clean).filter { !$0.isEmpty && MailAddressText.isPlausible($0) }
            if !addresses.isEmpty { lines.append((number, addresses)) }
        }
        return Candidates(lines: lines)
    }

    /// The failed recipients with the line each is first named on, in order; `exclude` holds
    /// lower-cased addresses that are never failures (the bounce's From/To, the original sender).
    static func recipients(_ candidates: Candidates, excluding exclude: Set<String>) -> [(address: String, line: Int)] {
        var found: [(String, Int)] = []
        var seen = Set<String>()
        for (number, addresses) in candidates.lines {
            for address in addresses {
                let key = address.lowercased()
                guard !exclude.contains(key), seen.insert(key).inserted else { continue }
                found.append((address, number))
            }
        }
        return found
    }
}
