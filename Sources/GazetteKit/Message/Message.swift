/// One finished email: the envelope and the RFC 5322 bytes (CRLF line ends) that go on the wire.
public struct Message: Sendable, Equatable {
    /// The Message-ID without angle brackets; the same for a retry of the same edition and subscriber.
    public var id: String
    /// SMTP `MAIL FROM`.
    public var envelopeFrom: String
    /// SMTP `RCPT TO`.
    public var recipient: String
    /// The subscriber this copy is for (journal key).
    public var subscriberID: String
    public var bytes: [UInt8]

    public init(id: String, envelopeFrom: String, recipient: String, subscriberID: String, bytes: [UInt8]) {
        self.id = id
        self.envelopeFrom = envelopeFrom
        self.recipient = recipient
        self.subscriberID = subscriberID
        self.bytes = bytes
    }
}
