/// Reads bounces (DSNs and plain-text notices), feedback-loop complaints and auto-replies, and
/// says which recipients failed and how. A port of the Python prototype
/// (`tools/bounce/classify.py`, DESIGN.md); the order of the checks and of the phrase tiers is
/// the behaviour, so it is kept as it is.
public enum BounceClassifier {
    /// The findings for one message, each recipient once; empty when it names no failed recipient.
    public static func classify(_ message: InboxMessage) -> [BounceFinding] {
        findings(message.entity, depth: 0)
    }

    /// DESIGN.md step 2: complaint, JSON notification, delivery-status records, plain-text
    /// notice, forwarded bounce, auto-reply.
    static func findings(_ message: MIMEEntity, depth: Int) -> [BounceFinding] {
        let parts = MessageParts(message)
        if let complaints = ComplaintReport.findings(message, parts) { return complaints }
        if let notifications = SESNotification.findings(parts) { return notifications }

        let notice = BounceNotice(message, parts)
        if let records = DeliveryStatusPath.findings(notice) { return records }
        if notice.isBounceLike {
            let fromText = PlainTextPath.findings(notice)
            if !fromText.isEmpty { return fromText }
        }
        // a bounce forwarded as an attachment: classify the attached message
        if depth < 3, notice.isBounceLike {
            for inner in parts.returned {
                let reportType = (inner.contentType.parameters["report-type"] ?? "").lowercased()
                guard (inner.contentType.type == "multipart/report" && reportType.has("delivery"))
                        || BounceSignals.bounceFrom.occurs(in: inner.decoded("from")) else { continue }
                let nested = findings(inner, depth: depth + 1)
                if !nested.isEmpty { return nested }
            }
        }
        // a bounce-looking message is never taken for a vacation message
        if !notice.isBounceLike, let reply = AutoReply.findings(message) { return reply }
        return []
    }

    /// Each recipient once (compared case-insensitively), the first finding kept.
    static func deduplicated(_ findings: [BounceFinding]) -> [BounceFinding] {
        var seen = Set<String>()
        return findings.filter { seen.insert($0.recipient.lowercased()).inserted }
    }
}
