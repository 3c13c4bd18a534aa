/// What one message in the bounce mailbox is.
enum InboxVerdict: Sendable, Equatable {
    /// Bounces, complaints or an unsubscribe request.
    case notices([InboxNotice])
    /// An auto-reply or a delivery notice that reports no failure: nothing to do.
    case ignored(String)
    /// Not something Gazette handles (a person's mail): left alone in the mailbox.
    case notOurs
}
