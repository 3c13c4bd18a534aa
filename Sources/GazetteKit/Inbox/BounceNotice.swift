/// What the delivery-status and plain-text steps share about one message: its notice text (the
/// text parts cut before the returned copy), the recipient candidates in it, the addresses that
/// are never failures, and whether the message looks like a bounce at all.
struct BounceNotice {
    let message: MIMEEntity
    let parts: MessageParts
    /// The text (else HTML) parts, whole.
    let sources: [String]
    let notice: String
    let candidates: RecipientScanner.Candidates
    let fromHeader: String
    /// Lower-cased: the bounce's To, Return-Path and From, the returned message's From,
    /// Return-Path and Sender.
    let excluded: Set<String>
    let isBounceLike: Bool

    init(_ message: MIMEEntity, _ parts: MessageParts) {
        self.message = message
        self.parts = parts
        fromHeader = message.decoded("from")
        var excluded = Set((MailAddressText.find(in: message.decoded("to")) + MailAddressText.find(in: message.raw("return-path"))
            + MailAddressText.find(in: fromHeader)).map { $0.lowercased() })
        for returned in parts.returned {
            excluded.formUnion((MailAddressText.find(in: returned.decoded("from")) + MailAddressText.find(in: returned.raw("return-path"))
                + MailAddressText.find(in: returned.raw("sender"))).map { $0.lowercased() })
        }
        self.excluded = excluded
        sources = parts.noticeSources
        notice = sources.map(NoticeCut.notice).joined(separator: "\n")
        candidates = RecipientScanner.candidates(in: notice)
        let reportType = (message.contentType.parameters["report-type"] ?? "").lowercased()
        isBounceLike = !parts.dsn.isEmpty
            || (message.contentType.type == "multipart/report" && reportType.has("delivery"))
            || BounceSignals.bounceFrom.occurs(in: fromHeader)
            || BounceSignals.bounceSubject.occurs(in: message.decoded("subject"))
            || message.hasValue("x-failed-recipients")
            || BounceSignals.failureText.occurs(in: notice)
    }
}
