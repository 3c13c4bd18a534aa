/// Both parts of one recipient's copy, quoted-printable encoded: what a message carries.
struct EncodedBody: Sendable, Equatable {
    var html: [UInt8]?
    var text: [UInt8]

    /// Encodes rendered parts as they are.
    init(_ rendered: RenderedDigest) {
        html = rendered.html.map { QuotedPrintable.encode($0) }
        text = QuotedPrintable.encode(rendered.text)
    }

    init(html: [UInt8]?, text: [UInt8]) {
        self.html = html
        self.text = text
    }
}
