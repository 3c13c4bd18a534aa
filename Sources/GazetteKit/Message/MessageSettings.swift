/// List-wide settings of every message: who sends it and the list headers.
public struct MessageSettings: Sendable, Equatable {
    public var fromAddress: String
    public var fromName: String?
    public var replyTo: String?
    /// SMTP envelope sender (bounces go there); defaults to `fromAddress`.
    public var envelopeFrom: String?
    /// `List-Id` identifier, such as `morning.example.org`.
    public var listID: String?
    /// `mailto:` address for `List-Unsubscribe`.
    public var unsubscribeMailto: String?

    public init(fromAddress: String, fromName: String? = nil, replyTo: String? = nil, envelopeFrom: String? = nil,
                listID: String? = nil, unsubscribeMailto: String? = nil) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.replyTo = replyTo
        self.envelopeFrom = envelopeFrom
        self.listID = listID
        self.unsubscribeMailto = unsubscribeMailto
    }

    /// The domain of the sender address, used on the right of Message-IDs.
    public var domain: String {
        fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
