import Foundation

/// A renderer's copies as message bodies: each shape's parts are quoted-printable encoded once,
/// then each recipient's copy only encodes the lines that hold their fields.
final class EncodedDigest: @unchecked Sendable {
    let renderer: DigestRenderer
    private let lock = NSLock()
    private var parts: [DigestRenderer.Shape: (html: EncodedPart?, text: EncodedPart)] = [:]

    init(_ renderer: DigestRenderer) {
        self.renderer = renderer
    }

    /// Both parts for one recipient, encoded: byte for byte the encoding of `renderer.render(for:)`.
    func body(for recipient: Recipient) -> EncodedBody {
        let shape = DigestRenderer.Shape(recipient)
        lock.lock()
        var encoded = parts[shape]
        lock.unlock()
        if encoded == nil {
            let sources = renderer.sources(for: shape)
            encoded = (sources.html.map(EncodedPart.init), EncodedPart(sources.text))
            lock.lock()
            parts[shape] = encoded
            lock.unlock()
        }
        return EncodedBody(html: encoded!.html?.fill(recipient), text: encoded!.text.fill(recipient))
    }
}
