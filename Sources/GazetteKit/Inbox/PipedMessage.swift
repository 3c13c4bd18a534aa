/// One message handed over on standard input, as an MTA's alias or `mailbox_command` delivers it.
public struct PipedMessage: Mailbox {
    public let bytes: [UInt8]
    public var name: String { "standard input" }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func items() throws(InboxError) -> [MailboxItem] { [MailboxItem(key: "-", label: "standard input")] }

    public func read(_ item: MailboxItem, limit: Int) throws(InboxError) -> [UInt8] { Array(bytes.prefix(limit)) }

    public func markHandled(_ item: MailboxItem, delete: Bool) throws(InboxError) {}
}
