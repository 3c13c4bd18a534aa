/// Feedback-loop complaints (DESIGN.md step C): ARF (RFC 5965) reports and the formats that
/// attach the original with a "complaint"/"abuse report" subject (Microsoft JMRP).
enum ComplaintReport {
    private static let complaintSubject = InboxPattern(#"complaint about message|abuse report|spam report|feedback report"#)

    /// The complained-about recipients, or nil when the message is not a complaint.
    static func findings(_ message: MIMEEntity, _ parts: MessageParts) -> [BounceFinding]? {
        let reportType = (message.contentType.parameters["report-type"] ?? "").lowercased()
        let subject = message.decoded("subject").lowercased()
        let isARF = !parts.feedback.isEmpty || (message.contentType.type == "multipart/report" && reportType == "feedback-report")
        let isOther = !parts.returned.isEmpty && complaintSubject.occurs(in: subject)
        guard isARF || isOther else { return nil }
        var recipients: [String] = []
        var seen = Set<String>()
        for report in parts.feedback {
            for line in report.newlineSeparated {
                guard let (name, value) = DSNRecord.field(line), name == "original-rcpt-to" || name == "removal-recipient" else { continue }
                for address in MailAddressText.find(in: value) where seen.insert(address.lowercased()).inserted {
                    recipients.append(address)
                }
            }
        }
        if recipients.isEmpty { recipients = returnedRecipients(parts) }
        return recipients.map { BounceFinding(recipient: $0, kind: .complaint, reason: "feedback", status: "") }
    }

    /// The recipients of the returned original: its To, else X-Original-To, else Delivered-To.
    static func returnedRecipients(_ parts: MessageParts) -> [String] {
        for returned in parts.returned {
            for name in ["to", "x-original-to", "delivered-to"] {
                var found: [String] = []
                var seen = Set<String>()
                for value in returned.fields where value.name == name {
                    for address in MailAddressText.find(in: EncodedWords.decode(value.value)) where seen.insert(address.lowercased()).inserted {
                        found.append(address)
                    }
                }
                if !found.isEmpty { return found }
            }
        }
        return []
    }
}
