/// A rendered part split at the recipient-field markers: shared bytes with holes to fill per recipient.
struct PersonalisedTemplate: Sendable {
    enum Segment: Sendable {
        case literal([UInt8])
        case field(PersonalField, escaped: Bool)
    }

    let segments: [Segment]
    /// Bytes of the literal segments.
    let literalSize: Int
    let fieldCount: Int
    /// The rendered text with its markers, as given.
    let source: String

    init(_ rendered: String) {
        source = rendered
        var segments: [Segment] = []
        var literal: [UInt8] = []
        let bytes = Array(rendered.utf8)
        let close: [UInt8] = [0xEE, 0x80, 0x81]  // U+E001
        var index = 0
        var literalSize = 0
        var fieldCount = 0
        scan: while index < bytes.count {
            // U+E000 is EE 80 80 in UTF-8.
            if bytes[index] == 0xEE, index + 3 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80,
               let field = PersonalField(rawValue: Int(bytes[index + 3]) - 0x30) {
                var end = index + 4
                var escaped = false
                if bytes[end...].starts(with: Array("&amp;".utf8)) {
                    escaped = true
                    end += 5
                } else if end < bytes.count, bytes[end] == UInt8(ascii: "&") {
                    end += 1
                } else {
                    literal.append(bytes[index]); index += 1; continue scan
                }
                guard bytes[end...].starts(with: close) else {
                    literal.append(bytes[index]); index += 1; continue scan
                }
                if !literal.isEmpty { segments.append(.literal(literal)); literalSize += literal.count; literal = [] }
                segments.append(.field(field, escaped: escaped))
                fieldCount += 1
                index = end + close.count
                continue
            }
            literal.append(bytes[index])
            index += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)); literalSize += literal.count }
        self.segments = segments
        self.literalSize = literalSize
        self.fieldCount = fieldCount
    }

    /// The part for one recipient.
    func fill(_ recipient: Recipient) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(literalSize + fieldCount * 64)
        for segment in segments {
            switch segment {
            case .literal(let bytes):
                out.append(contentsOf: bytes)
            case let .field(field, escaped):
                let value = field.value(of: recipient) ?? ""
                if escaped { Self.appendEscaped(value, to: &out) } else { out.append(contentsOf: value.utf8) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same escaping as the template engine's HTML escaping.
    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}
