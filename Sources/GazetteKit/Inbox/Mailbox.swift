/// Where `gazette inbox` reads messages from: standard input, a Maildir, an mbox file or an IMAP
/// mailbox. Messages Gazette handled are marked (seen, or deleted with `--delete-processed`);
/// the others are left as they were.
public protocol Mailbox {
    /// For reports: the folder, file or URL.
    var name: String { get }
    /// The messages to look at, oldest first.
    func items() throws(InboxError) -> [MailboxItem]
    /// One message's bytes, at most `limit` of them.
    func read(_ item: MailboxItem, limit: Int) throws(InboxError) -> [UInt8]
    /// Marks a message handled: seen, or gone when `delete` is set.
    func markHandled(_ item: MailboxItem, delete: Bool) throws(InboxError)
    /// Leaves a message as it was before it was read (IMAP marks what it fetched as seen).
    func leave(_ item: MailboxItem) throws(InboxError)
    /// Called once at the end (IMAP expunges deleted messages).
    func close(deleted: Bool) throws(InboxError)
}

/// One message in a mailbox: a file name, a byte range or a UID.
public struct MailboxItem: Sendable, Equatable {
    /// What the mailbox needs to find it again.
    public var key: String
    /// For reports.
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

extension Mailbox {
    public func leave(_ item: MailboxItem) throws(InboxError) {}
    public func close(deleted: Bool) throws(InboxError) {}
}
