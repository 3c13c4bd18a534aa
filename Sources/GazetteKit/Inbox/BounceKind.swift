/// What a finding means for the subscriber's address.
public enum BounceKind: String, Sendable, Codable {
    /// The address or its domain does not exist, has moved, or accepts no mail.
    case hard
    /// Delivery may work later: mailbox full, blocked, filtered, expired, policy, ...
    case soft
    /// A feedback-loop report: the recipient marked the mail as spam.
    case complaint
    /// An auto-reply or a delivery notice: nothing to do.
    case ignore
}
