/// Reason, status and kind for one failed recipient (DESIGN.md step J).
enum BounceJudge {
    struct Verdict: Equatable {
        var reason: String
        var kind: BounceKind
        var status: String
    }

    private static let localProgram = InboxPattern(#"^\s*x-(unix|postfix)\s*;"#)
    private static let localProgramWords = InboxPattern(#"command|pipe|procmail|mailer|exit|deliver"#)

    /// - Parameters:
    ///   - diag: the most specific error text for the recipient (Diagnostic-Code, SMTP reply line).
    ///   - context: the recipient's part of the notice (used when `diag` says nothing, and to find
    ///     the SMTP command).
    ///   - commandText: where to look for the SMTP command if `diag` names none (default: `context`).
    static func judge(diag: String, context: String = "", dsnStatus: String = "", action: String = "",
                      commandText: String? = nil) -> Verdict {
        let d = diag.collapsingWhitespace.lowercased()
        let c = context.collapsingWhitespace.lowercased()
        var status = StatusCodes.pick(dsnStatus: dsnStatus, text: diag.pythonStripped.isEmpty ? diag + "\n" + context : diag)
        if status.isEmpty, !context.isEmpty { status = StatusCodes.pick(dsnStatus: "", text: context) }
        let sub = StatusCodes.subject(status)
        let temporary = status.hasPrefix("4") || action == "delayed" || action == "delivery-delayed"
        let command = SMTPCommand.find(in: diag) ?? SMTPCommand.find(in: commandText ?? context)

        let dText = InboxText(d), cText = InboxText(c)
        var reason = ""
        if localProgram.prefixMatch(in: dText) != nil, localProgramWords.occurs(in: dText) {
            reason = "mailererror"  // the local delivery program failed, not the address
        } else if command == .mail || sub == "1.7" || sub == "1.8" {
            // refused at MAIL FROM: the verdict is about the sender (or the sending host)
            reason = PhraseTables.softFirst.match(d.isEmpty ? cText : dText) ?? "rejected"
        } else if command == .helo {
            reason = "blocked"  // refused at connect/HELO: about the sending host
        }
        let addressLevel = StatusTable.addressLevel.contains(sub) || (sub.hasPrefix("1.") && !["1.2", "1.6", "1.7", "1.8"].contains(sub))
        if reason.isEmpty {
            for text in d.isEmpty ? [cText] : [dText, cText] where !text.string.isEmpty {
                reason = phraseReason(text, sub: sub, addressLevel: addressLevel, command: command)
                if !reason.isEmpty { break }
            }
        }
        if reason.isEmpty { reason = StatusTable.reasons[sub] ?? "" }
        if reason.isEmpty, ["delayed", "delivery-delayed", "expired"].contains(action) { reason = "expired" }
        if reason.isEmpty { reason = d.isEmpty && c.isEmpty ? "undefined" : "onhold" }
        if PhraseTables.hardReasons.contains(reason), command == .data, !StatusTable.addressLevel.contains(sub) {
            reason = "filtered"  // refused only after the content was seen
        }
        if temporary, reason == "hostunknown" { reason = "networkerror" }  // a DNS failure reported as temporary
        if status.hasPrefix("4"), action == "failed", ["networkerror", "systemerror", "onhold", "undefined"].contains(reason) {
            reason = "expired"  // a temporary error the MTA finally gave up on
        }
        let kind: BounceKind = PhraseTables.hardReasons.contains(reason) && !temporary ? .hard : .soft
        return Verdict(reason: reason, kind: kind, status: status)
    }

    /// The phrase tiers on one text (J5), "" when none speaks.
    private static func phraseReason(_ text: InboxText, sub: String, addressLevel: Bool, command: SMTPCommand?) -> String {
        if let reason = PhraseTables.softFirst.match(text) { return reason }
        if PhraseTables.directory.match(text) != nil { return "userunknown" }
        if let reason = PhraseTables.hard.match(text) {
            // "unknown user" is about the address only at RCPT TO or with an address-level status;
            // otherwise it may be a filter's wording
            if reason == "userunknown", !(addressLevel || command == .rcpt) { return "filtered" }
            return reason
        }
        if PhraseTables.suspend.match(text) != nil {
            // disabled / inactive mailbox: hard only with an address-level status (5.1.1)
            return StatusTable.addressLevel.contains(sub) ? "userunknown" : "suspend"
        }
        // no phrase of the first tiers: an address-level status code decides next
        if let byStatus = StatusTable.reasons[sub], PhraseTables.hardReasons.contains(byStatus) { return byStatus }
        return PhraseTables.softLater.match(text) ?? ""
    }
}
