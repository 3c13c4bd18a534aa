import Foundation

/// One line of the bounce log: something a bounce, a complaint, an unsubscribe request or an SMTP
/// refusal said about a subscriber, and what Gazette did about it.
public struct BounceEvent: Sendable, Equatable, Codable {
    /// What was reported.
    public enum Kind: String, Sendable, Codable {
        case hard, soft, complaint, unsubscribe
    }

    /// What was done.
    public enum Action: String, Sendable, Codable {
        /// The subscriber became `bounced`.
        case bounced
        /// The subscriber became `unsubscribed`.
        case unsubscribed
        /// A soft bounce was counted towards the limit.
        case counted
        /// Nothing changed (already suppressed, or a forwarded address failed).
        case none
    }

    /// When it was processed.
    public var time: Date
    /// `inbox` (a message read by `gazette inbox`) or `smtp` (a refusal during `gazette run`).
    public var source: String
    /// The processed message's key: its Message-ID, or a hash of its bytes when it has none; for
    /// an SMTP refusal, our Message-ID. A message already in the log is not processed again.
    public var message: String
    public var subscriber: String
    public var email: String
    public var kind: Kind
    /// Why, in a word (`userunknown`, `mailboxfull`, `feedback`...).
    public var reason: String
    /// The enhanced status code, when there was one.
    public var status: String
    public var action: Action
    /// The edition of the message that bounced, when known.
    public var edition: String?
    /// Our Message-ID of the message that bounced, when known.
    public var bounced: String?
    /// When that message was handed to the relay, when known.
    public var sent: Date?
    /// A sentence for people (`soft bounce 3 of 5 in 30 days`).
    public var detail: String?
}
