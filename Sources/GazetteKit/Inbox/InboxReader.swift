import Foundation

/// Decides what one message is: the bounce classifier's findings, attributed to a subscriber by
/// the strongest evidence the message carries: the VERP return path it was sent to, our
/// Message-ID in the returned message, or an unsubscribe token in the returned message's
/// `List-Unsubscribe` (complaint reports often hide the address but keep the headers).
struct InboxReader: Sendable {
    var returnPath: ReturnPath
    var unsubscribeMailto: String?
    var tokens: UnsubscribeToken?

    /// Header fields that name the address a message was delivered to.
    static let envelopeFields = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Cc"]

    func read(_ message: InboxMessage, envelopeRecipient: String? = nil) -> InboxVerdict {
        let findings = BounceClassifier.classify(message)
        let delivered = (envelopeRecipient.map { [$0] } ?? []) + Self.envelopeFields.flatMap { message.addresses($0) }
        let verpID = delivered.lazy.compactMap { returnPath.subscriberID(in: $0) }.first
        let returnedID = message.returned?.header("Message-ID")
        let ownID = returnedID.flatMap(DeliveryHistory.subscriberID(inMessageID:))
        let bouncedMessage = ownID != nil ? returnedID?.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) : nil

        let complaints = findings.filter { $0.kind == .complaint }
        if !complaints.isEmpty || (findings.isEmpty && isFeedbackReport(message)) {
            let id = tokenID(in: message.returned) ?? ownID ?? verpID
            let named = complaints.isEmpty ? [BounceFinding(recipient: "", kind: .complaint, reason: "feedback", status: "")] : complaints
            return .notices(named.map {
                InboxNotice(kind: .complaint, subscriberID: id, email: $0.recipient, reason: $0.reason, status: $0.status,
                            bouncedMessage: bouncedMessage)
            })
        }
        let failures = findings.filter { $0.kind == .hard || $0.kind == .soft }
        if !failures.isEmpty {
            guard let id = verpID ?? ownID else {
                return .notices(failures.map {
                    InboxNotice(kind: $0.kind == .hard ? .hard : .soft, email: $0.recipient, reason: $0.reason, status: $0.status,
                                bouncedMessage: bouncedMessage)
                })
            }
            // One message went to one subscriber: the report is about them.
            let finding = failures[0]
            return .notices([InboxNotice(kind: finding.kind == .hard ? .hard : .soft, subscriberID: id, email: finding.recipient,
                                         reason: finding.reason, status: finding.status, bouncedMessage: bouncedMessage)]
                + failures.dropFirst().map {
                    InboxNotice(kind: $0.kind == .hard ? .hard : .soft, subscriberID: id, email: $0.recipient, reason: $0.reason,
                                status: $0.status, bouncedMessage: bouncedMessage)
                })
        }
        if let ignored = findings.first(where: { $0.kind == .ignore }) {
            return .ignored("\(ignored.reason == "vacation" ? "auto-reply" : "delivery notice (\(ignored.reason))") from \(ignored.recipient)")
        }
        if let request = unsubscribeRequest(message, delivered: delivered) { return .notices([request]) }
        return .notOurs
    }

    /// A message to the `links.unsubscribe_mailto` address: the token from the subject (where our
    /// `List-Unsubscribe` mailto puts it), the body or the address.
    private func unsubscribeRequest(_ message: InboxMessage, delivered: [String]) -> InboxNotice? {
        guard let mailto = unsubscribeMailto?.lowercased(), delivered.contains(where: { $0.lowercased() == mailto }) else { return nil }
        let sender = message.addresses("From").first ?? ""
        let places = [message.header("Subject") ?? "", String(message.text.prefix(8192))] + delivered
        if let id = places.lazy.compactMap({ self.tokenID(in: $0) }).first {
            return InboxNotice(kind: .unsubscribe, subscriberID: id, email: sender, reason: "mailto", status: "")
        }
        return InboxNotice(kind: .unsubscribe, email: sender, reason: "mailto", status: "",
                           note: "no valid token in it: not acted on (gazette subscribers remove \(sender) if it is genuine)", actionable: false)
    }

    private func isFeedbackReport(_ message: InboxMessage) -> Bool {
        (message.header("Content-Type") ?? "").lowercased().contains("feedback-report")
    }

    /// The subscriber of a genuine unsubscribe token in a message's list headers or text.
    private func tokenID(in message: InboxMessage?) -> String? {
        guard let message else { return nil }
        return ([message.header("List-Unsubscribe") ?? ""] + [String(message.text.prefix(65_536))]).lazy.compactMap { self.tokenID(in: $0) }.first
    }

    /// The first `<id>.<43 base64url characters>` in `text` that verifies as an unsubscribe token.
    func tokenID(in text: String) -> String? {
        guard let tokens, !text.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        func isID(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-") }
        func isMAC(_ s: Unicode.Scalar) -> Bool { isID(s) || s == "_" }
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "." else { index += 1; continue }
            var start = index
            while start > 0, isID(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, isMAC(scalars[end]) { end += 1 }
            if start < index, end - index - 1 == 43 {
                let candidate = String(String.UnicodeScalarView(scalars[start..<end]))
                if let id = tokens.verify(candidate) { return id }
            }
            index += 1
        }
        return nil
    }
}
