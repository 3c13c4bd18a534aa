/// A rendered part already quoted-printable encoded, except the lines that hold recipient fields.
///
/// Quoted-printable is line-local (soft breaks restart at every hard line end), so every line
/// without a field is encoded once per edition and shape; only the few lines with a name, an
/// address or a link are filled in and encoded per recipient.
struct EncodedPart: Sendable {
    enum Piece: Sendable {
        case encoded([UInt8])
        case personal(PersonalisedTemplate)
    }

    let pieces: [Piece]

    init(_ rendered: String) {
        var pieces: [Piece] = []
        var shared: [UInt8] = []
        let bytes = Array(rendered.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            var hasMarker = false
            while end < bytes.count, bytes[end] != 0x0A {
                if bytes[end] == 0xEE, end + 2 < bytes.count, bytes[end + 1] == 0x80, bytes[end + 2] == 0x80 { hasMarker = true }
                end += 1
            }
            let lineEnd = end < bytes.count ? end + 1 : end  // keep the newline with its line
            let line = Array(bytes[start..<lineEnd])
            if hasMarker {
                if !shared.isEmpty { pieces.append(.encoded(shared)); shared = [] }
                pieces.append(.personal(PersonalisedTemplate(String(decoding: line, as: UTF8.self))))
            } else {
                shared += QuotedPrintable.encode(line)
            }
            start = lineEnd
        }
        if !shared.isEmpty { pieces.append(.encoded(shared)) }
        self.pieces = pieces
    }

    /// The encoded part for one recipient: byte for byte `QuotedPrintable.encode` of the filled part.
    func fill(_ recipient: Recipient) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { total, piece in
            if case .encoded(let bytes) = piece { return total + bytes.count } else { return total + 256 }
        })
        for piece in pieces {
            switch piece {
            case .encoded(let bytes): out += bytes
            case .personal(let template): out += QuotedPrintable.encode(template.fill(recipient))
            }
        }
        return out
    }
}
