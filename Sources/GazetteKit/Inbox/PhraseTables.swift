/// The reason phrases of DESIGN.md step J, tried in this order: `softFirst`, `directory`,
/// `hard`, `suspend`, (the status table), `softLater`. Patterns are searched in the lower-cased,
/// whitespace-collapsed text; within a tier the first reason (in table order) with a hit decides.
enum PhraseTables {
    /// The reasons that make a bounce hard (when the error is not temporary).
    static let hardReasons: Set<String> = ["userunknown", "hostunknown", "hasmoved", "notaccept"]

    /// The first reason of any tier whose phrases occur in the text ("" if none), for lines
    /// like "User's mailbox is full: <a@b>".
    static func anyReason(_ text: String) -> String {
        let folded = InboxText(text.collapsingWhitespace.lowercased())
        for tier in [softFirst, directory, hard, suspend, softLater] {
            if let reason = tier.match(folded) { return reason }
        }
        return ""
    }
}
