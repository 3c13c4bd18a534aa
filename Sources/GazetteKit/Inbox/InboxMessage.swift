/// A mail message parsed leniently: bounces, complaints, auto-replies and unsubscribe requests
/// as they arrive. Never throws; input size is capped by the caller.
public struct InboxMessage: Sendable {
    let entity: MIMEEntity

    /// Parses the raw message (any line ends).
    public init(bytes: [UInt8]) {
        entity = MIMEEntity.message(bytes)
    }

    init(entity: MIMEEntity) {
        self.entity = entity
    }

    /// The first field of that name, unfolded, RFC 2047-decoded, whitespace collapsed.
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return entity.fields.first { $0.name == key }.map { EncodedWords.decode($0.value) }
    }

    /// Every field of that name, decoded like `header(_:)`.
    public func headers(_ name: String) -> [String] {
        let key = name.lowercased()
        return entity.fields.filter { $0.name == key }.map { EncodedWords.decode($0.value) }
    }

    /// The addr-specs in those fields (domain lower-cased, no angle brackets), each once.
    public func addresses(_ name: String) -> [String] {
        var seen = Set<String>()
        return headers(name).flatMap(MailAddressText.find).filter { seen.insert($0.lowercased()).inserted }
    }

    /// The first returned or attached original message (its headers at least), if any.
    public var returned: InboxMessage? {
        MessageParts(entity).returned.first.map(InboxMessage.init(entity:))
    }

    /// The decoded text of the message's own text parts (HTML parts as text when there are no
    /// plain ones), not of the returned message.
    public var text: String {
        MessageParts(entity).noticeSources.joined(separator: "\n")
    }
}
