/// What happened to one message.
public enum DeliveryOutcome: Sendable, Equatable {
    /// Accepted by the server (or written); the server's reply or the file written.
    case delivered(String)
    /// Not sent now, worth trying again later (4xx replies, dropped connections, timeouts).
    case deferred(String)
    /// Refused for good (5xx replies, bad address) or impossible (unwritable outbox).
    case failed(String)

    public var isDelivered: Bool { if case .delivered = self { return true } else { return false } }

    /// The reply or reason.
    public var detail: String {
        switch self {
        case .delivered(let text), .deferred(let text), .failed(let text): return text
        }
    }

    /// `delivered`, `deferred` or `failed`.
    public var name: String {
        switch self {
        case .delivered: return "delivered"
        case .deferred: return "deferred"
        case .failed: return "failed"
        }
    }
}

/// The outcome for one subscriber's message.
public struct DeliveryResult: Sendable, Equatable {
    /// The Message-ID, without angle brackets.
    public var messageID: String
    public var subscriberID: String
    /// The address the message went to (SMTP `RCPT TO`).
    public var recipient: String
    public var outcome: DeliveryOutcome
    /// Tries made for this message, the first included.
    public var attempts: Int

    public init(message: Message, outcome: DeliveryOutcome, attempts: Int) {
        self.messageID = message.id
        self.subscriberID = message.subscriberID
        self.recipient = message.recipient
        self.outcome = outcome
        self.attempts = attempts
    }
}
