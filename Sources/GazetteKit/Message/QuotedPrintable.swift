/// Quoted-printable (RFC 2045 §6.7) for message bodies, with SMTP-safe choices.
///
/// Input line ends (LF or CRLF) become CRLF hard breaks; lines are soft-broken so that no encoded
/// line exceeds 76 characters; a space or tab before a line end is encoded; `=` and all non-ASCII
/// or control bytes are encoded; a dot or "From " at the start of a line is encoded, so the
/// result survives SMTP dot-stuffing and mbox "From " quoting untouched.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> [UInt8] {
        encode(Array(text.utf8))
    }

    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var lineLength = 0
        var index = 0
        let hex = Array("0123456789ABCDEF".utf8)

        func emit(_ piece: [UInt8]) {
            // Keep room for the soft break's "=".
            if lineLength + piece.count > 75 {
                out.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
                lineLength = 0
            }
            out.append(contentsOf: piece)
            lineLength += piece.count
        }
        func escaped(_ byte: UInt8) -> [UInt8] {
            [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                out.append(contentsOf: [0x0D, 0x0A])
                lineLength = 0
                index += byte == 0x0D ? 2 : 1
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0A
                || (bytes[index + 1] == 0x0D && index + 2 < bytes.count && bytes[index + 2] == 0x0A)
            let startsLine = lineLength == 0
            var piece: [UInt8]
            switch byte {
            case 0x20, 0x09:
                piece = atLineEnd ? escaped(byte) : [byte]
            case UInt8(ascii: "="):
                piece = escaped(byte)
            case UInt8(ascii: "."):
                piece = startsLine ? escaped(byte) : [byte]
            case UInt8(ascii: "F"):
                let from = Array("From ".utf8)
                piece = startsLine && bytes[index...].starts(with: from) ? escaped(byte) : [byte]
            case 0x21...0x7E:
                piece = [byte]
            default:
                piece = escaped(byte)
            }
            // A soft break would put this character at the start of a new line: re-check dots.
            if lineLength + piece.count > 75, piece.count == 1,
               byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && bytes[index...].starts(with: Array("From ".utf8))) {
                piece = escaped(byte)
            }
            // A space kept literal must not end up just before a soft break.
            if (byte == 0x20 || byte == 0x09), piece.count == 1, lineLength + 1 > 74 { piece = escaped(byte) }
            emit(piece)
            index += 1
        }
        return out
    }
}
