/// One recipient named by a bounce, complaint or auto-reply, and what happened to it.
public struct BounceFinding: Sendable, Equatable {
    /// The address (domain lower-cased).
    public let recipient: String
    public let kind: BounceKind
    /// A Sisimai-style reason name (`userunknown`, `mailboxfull`, `feedback`, `vacation`, ...).
    public let reason: String
    /// The enhanced status code (`5.1.1`), "" when there is none.
    public let status: String

    public init(recipient: String, kind: BounceKind, reason: String, status: String) {
        self.recipient = recipient
        self.kind = kind
        self.reason = reason
        self.status = status
    }
}
