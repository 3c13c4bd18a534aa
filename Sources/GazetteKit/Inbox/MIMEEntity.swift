/// One entity of a message, read leniently (DESIGN.md step 1): header fields, the content type,
/// the raw body, and either the parts of a multipart or the message inside a `message/rfc822`
/// (or headers-only) part. Never fails; depth is capped at 8.
final class MIMEEntity: Sendable {
    /// A header field: name lower-cased, value unfolded and stripped, still raw bytes.
    struct Field: Sendable {
        let name: String
        let value: [UInt8]
    }

    let fields: [Field]
    /// The declared type, `text/plain` when missing or when a multipart has no usable parts.
    let contentType: ContentType
    let body: ArraySlice<UInt8>
    let children: [MIMEEntity]
    /// The parsed message of a `message/rfc822` (and similar) part.
    let inner: MIMEEntity?

    private static let maxDepth = 8
    private static let messageTypes: Set<String> = ["message/rfc822", "message/global", "message/partial", "message/rfc822-headers",
                                                    "text/rfc822-headers", "text/rfc822-header"]

    private init(fields: [Field], contentType: ContentType, body: ArraySlice<UInt8>, children: [MIMEEntity], inner: MIMEEntity?) {
        self.fields = fields
        self.contentType = contentType
        self.body = body
        self.children = children
        self.inner = inner
    }

    /// The message in `bytes`, line ends first made `\n` (CRLF and lone CR alike).
    static func message(_ bytes: [UInt8]) -> MIMEEntity {
        var normal: [UInt8] = []
        normal.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                normal.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                normal.append(byte)
            }
            index += 1
        }
        return parse(normal[...], depth: 0)
    }

    static func parse(_ raw: ArraySlice<UInt8>, depth: Int) -> MIMEEntity {
        let (fields, body) = HeaderBlock.split(raw)
        let field = fields.first { $0.name == "content-type" }.map { InboxBytes.latin1($0.value) } ?? ""
        var type = field.isEmpty ? ContentType.plain : ContentType(field: field)
        guard depth <= maxDepth else { return MIMEEntity(fields: fields, contentType: type, body: body, children: [], inner: nil) }
        if !type.isMultipart, field.isEmpty, depth == 0, let token = UndeclaredMultipart.boundary(in: body) {
            type = ContentType(type: "multipart/mixed", parameters: ["boundary": token])
        }
        var children: [MIMEEntity] = []
        var inner: MIMEEntity?
        if type.isMultipart {
            var chunks = MultipartSplitter.parts(of: body, boundary: Array((type.parameters["boundary"] ?? "").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            if chunks.isEmpty, let token = MultipartSplitter.firstDelimiterToken(in: body) {
                chunks = MultipartSplitter.parts(of: body, boundary: token)
            }
            children = chunks.map { parse($0, depth: depth + 1) }
            if children.isEmpty { type = ContentType(type: "text/plain", parameters: type.parameters) }
        } else if messageTypes.contains(type.type) {
            let encoding = Self.transferEncoding(fields)
            var content: [UInt8]
            if encoding == "base64" || encoding == "quoted-printable" {
                content = Array(Self.decodedText(body: body, encoding: encoding, charset: type.parameters["charset"]).utf8)
            } else {
                content = Array(body)
            }
            let skip = content.prefix { $0 == 0x0A }.count
            content.removeFirst(skip)
            inner = parse(content[...], depth: depth + 1)
        }
        return MIMEEntity(fields: fields, contentType: type, body: body, children: children, inner: inner)
    }

    private static func transferEncoding(_ fields: [Field]) -> String {
        guard let field = fields.first(where: { $0.name == "content-transfer-encoding" }) else { return "" }
        return InboxBytes.latin1(InboxBytes.stripped(field.value[...])).lowercased()
    }

    private static func decodedText(body: ArraySlice<UInt8>, encoding: String, charset: String?) -> String {
        let data: [UInt8]
        switch encoding {
        case "base64": data = TransferDecoding.base64(body)
        case "quoted-printable": data = TransferDecoding.quotedPrintable(body)
        default: data = Array(body)
        }
        return CharsetDecoder.decode(data, charset: charset)
    }

    /// The body with its transfer encoding and charset undone.
    func text() -> String {
        Self.decodedText(body: body, encoding: Self.transferEncoding(fields), charset: contentType.parameters["charset"])
    }

    /// The first field of that (lower-case) name as Latin-1 text, "" if there is none.
    func raw(_ name: String) -> String {
        fields.first { $0.name == name }.map { InboxBytes.latin1($0.value) } ?? ""
    }

    /// Every field of that name as Latin-1 text.
    func rawValues(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { InboxBytes.latin1($0.value) }
    }

    /// The first field of that name with encoded words decoded and whitespace collapsed, "" if none.
    func decoded(_ name: String) -> String {
        fields.first { $0.name == name }.map { EncodedWords.decode($0.value) } ?? ""
    }

    /// Whether a field of that name exists with a non-empty value.
    func hasValue(_ name: String) -> Bool {
        fields.first { $0.name == name }.map { !$0.value.isEmpty } ?? false
    }
}
