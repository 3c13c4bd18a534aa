/// RFC 3834 auto-replies (DESIGN.md step A), only asked about messages that are not bounce-like.
/// `Auto-Submitted: auto-generated` alone is not enough: MTAs put it on bounces.
enum AutoReply {
    private static let subject = InboxPattern(
        #"^\s*(auto(matic|mated)?[ -]?(reply|response|respons|antwort|answer)|autoreply|autorespon|out of (the )?office|"#
            + #"away from|away until|on vacation|vacation|abwesenheit|r[ée]ponse automatique|auto:|ooo\b)"#,
        case: .insensitive)

    /// The sender as an `ignore` finding, or nil when the message is no auto-reply.
    static func findings(_ message: MIMEEntity) -> [BounceFinding]? {
        let signals = message.decoded("auto-submitted").lowercased().hasPrefix("auto-replied")
            || message.hasValue("x-autoreply") || message.hasValue("x-autorespond")
            || message.decoded("precedence").lowercased() == "auto_reply"
            || subject.occurs(in: message.decoded("subject"))
        guard signals, let sender = MailAddressText.find(in: message.decoded("from")).first else { return nil }
        return [BounceFinding(recipient: sender, kind: .ignore, reason: "vacation", status: "")]
    }
}
