/// Quoted-printable (RFC 2045 §6.7) for message bodies, with SMTP-safe choices.
///
/// Input line ends (LF or CRLF) become CRLF hard breaks; lines are soft-broken so that no encoded
/// line exceeds 76 characters; a space or tab before a line end is encoded; `=` and all non-ASCII
/// or control bytes are encoded; a dot or "From " at the start of a line is encoded, so the
/// result survives SMTP dot-stuffing and mbox "From " quoting untouched.
enum QuotedPrintable {
    static func encode(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { encodeBuffer($0) }
    }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { encodeBuffer($0) }
    }

    @inline(__always) private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x37 + value
    }

    static func encodeBuffer(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = bytes.count
        // Worst case: every byte escaped (3) plus a soft break (3) every 25 escapes.
        let capacity = count * 3 + count / 8 + 16
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            var o = 0
            var lineLength = 0
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) {
                    out[o] = 0x0D; out[o + 1] = 0x0A; o += 2
                    lineLength = 0
                    index += byte == 0x0D ? 2 : 1
                    continue
                }
                var escape: Bool
                if byte >= 0x21 && byte <= 0x7E {
                    escape = byte == 0x3D  // "="
                } else if byte == 0x20 || byte == 0x09 {
                    let next = index + 1
                    escape = next == count || bytes[next] == 0x0A
                        || (bytes[next] == 0x0D && next + 1 < count && bytes[next + 1] == 0x0A)
                } else {
                    escape = true
                }
                var width = escape ? 3 : 1
                // Dots and "From " must not begin a line, whether a hard or a soft break put them there.
                if !escape, lineLength == 0 || lineLength + 1 > 75 {
                    if byte == 0x2E {
                        escape = true
                    } else if byte == 0x46, index + 4 < count, bytes[index + 1] == 0x72, bytes[index + 2] == 0x6F,
                              bytes[index + 3] == 0x6D, bytes[index + 4] == 0x20 {
                        escape = true
                    }
                    if escape { width = 3 }
                }
                // A soft break goes in when the piece would pass column 75 (the "=" makes 76).
                if lineLength + width > 75 {
                    out[o] = 0x3D; out[o + 1] = 0x0D; out[o + 2] = 0x0A; o += 3
                    lineLength = 0
                }
                if escape {
                    out[o] = 0x3D; out[o + 1] = hexDigit(byte >> 4); out[o + 2] = hexDigit(byte & 0x0F); o += 3
                } else {
                    out[o] = byte; o += 1
                }
                lineLength += width
                index += 1
            }
            written = o
        }
    }
}
