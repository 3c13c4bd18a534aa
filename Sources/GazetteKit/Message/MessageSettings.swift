/// List-wide settings of every message: who sends it and the list headers.
struct MessageSettings: Sendable, Equatable {
    var fromAddress: String
    var fromName: String?
    var replyTo: String?
    /// SMTP envelope sender (bounces go there); defaults to `fromAddress`.
    var envelopeFrom: String?
    /// `List-Id` identifier, such as `morning.example.org`.
    var listID: String?
    /// `mailto:` address for `List-Unsubscribe`.
    var unsubscribeMailto: String?

    init(fromAddress: String, fromName: String? = nil, replyTo: String? = nil, envelopeFrom: String? = nil,
                listID: String? = nil, unsubscribeMailto: String? = nil) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.replyTo = replyTo
        self.envelopeFrom = envelopeFrom
        self.listID = listID
        self.unsubscribeMailto = unsubscribeMailto
    }

    /// The domain of the sender address, used on the right of Message-IDs.
    var domain: String {
        fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
