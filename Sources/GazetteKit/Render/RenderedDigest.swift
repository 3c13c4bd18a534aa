/// One recipient's copy of a digest: both parts (HTML is nil for plain-text subscribers).
public struct RenderedDigest: Sendable, Equatable {
    public var html: String?
    public var text: String
    /// Items shown in full, cut to a sentence, reduced to the headline, and left out for size.
    public var itemsShown: Int
    public var itemsShortened: Int
    public var itemsDropped: Int
}

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
