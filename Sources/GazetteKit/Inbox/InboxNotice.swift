/// What one message says about one address: a failure, a complaint or an unsubscribe request,
/// with the subscriber it is about when the message itself says so (VERP, our Message-ID, a token).
struct InboxNotice: Sendable, Equatable {
    var kind: BounceEvent.Kind
    /// Known from the return path, our Message-ID or a token; nil: match `email` against the list.
    var subscriberID: String?
    /// The address the report names (for an unsubscribe request, its sender).
    var email: String
    var reason: String
    var status: String
    /// Our Message-ID of the message that bounced, when the report returned it.
    var bouncedMessage: String?
    /// Why the notice changes less than its kind says (a forwarded address, a missing token).
    var note: String?
    /// False when the notice must not change the list (an unsubscribe request without a valid token).
    var actionable = true
}
