/// One tier of reason phrases: reasons in table order, each with its patterns.
struct PhraseTier: Sendable {
    let reasons: [(name: String, patterns: [InboxPattern])]

    init(_ table: [(String, [String])]) {
        reasons = table.map { reason, sources in (reason, sources.map { InboxPattern($0) }) }
    }

    /// The first reason (in table order) with a pattern in the text, nil if none.
    func match(_ text: InboxText) -> String? {
        for reason in reasons where reason.patterns.contains(where: { $0.occurs(in: text) }) {
            return reason.name
        }
        return nil
    }
}
