import Foundation

/// Turns one recipient's rendered digest into a standards-conforming message: RFC 5322 headers,
/// `multipart/alternative` (text first, HTML second) or a single `text/plain`, both UTF-8 and
/// quoted-printable, list headers per RFC 2369/2919/8058.
struct MessageBuilder: Sendable {
    var settings: MessageSettings

    init(settings: MessageSettings) {
        self.settings = settings
    }

    /// - Parameters:
    ///   - edition: the edition id; with `subscriberID` it makes the Message-ID.
    ///   - boundary: fixed only in tests; by default a random one.
    func build(edition: String, subject: String, date: Date, rendered: RenderedDigest, recipient: Recipient,
                      subscriberID: String, boundary: String? = nil) -> Message {
        build(edition: edition, subject: subject, date: date, body: EncodedBody(rendered), recipient: recipient,
              subscriberID: subscriberID, boundary: boundary)
    }

    /// The same from parts already encoded (the renderer's shared encoding).
    func build(edition: String, subject: String, date: Date, body: EncodedBody, recipient: Recipient,
               subscriberID: String, boundary: String? = nil) -> Message {
        let id = Self.messageID(edition: edition, subscriberID: subscriberID, domain: settings.domain)
        var head: [String] = []
        head.append("Date: " + Timestamp.rfc5322(date))
        head.append(Self.mailbox(field: "From", name: settings.fromName, address: settings.fromAddress))
        head.append(Self.mailbox(field: "To", name: recipient.name, address: recipient.email))
        if let replyTo = settings.replyTo { head.append("Reply-To: <\(EncodedWord.sanitised(replyTo))>") }
        head.append(EncodedWord.field("Subject", subject))
        head.append("Message-ID: <\(id)>")
        head.append("MIME-Version: 1.0")
        if let listID = settings.listID {
            let name = settings.fromName.map { EncodedWord.sanitised($0) } ?? ""
            let tokens = (name.isEmpty ? [] : (EncodedWord.isPlainASCII(name) ? [Self.quoted(name)] : EncodedWord.encodedWords(name)))
                + ["<\(EncodedWord.sanitised(listID))>"]
            head.append(EncodedWord.fold(name: "List-Id", tokens: tokens))
        }
        var unsubscribe: [String] = []
        let httpsURL = recipient.unsubscribeURL.flatMap { $0.lowercased().hasPrefix("https://") ? $0 : nil }
        if let url = recipient.unsubscribeURL { unsubscribe.append("<\(EncodedWord.sanitised(url))>,") }
        if let mailto = settings.unsubscribeMailto {
            // The token (URL-safe characters only) lets `gazette inbox` act on the request.
            let subject = recipient.unsubscribeToken.map { "unsubscribe%20" + EncodedWord.sanitised($0) } ?? "unsubscribe"
            unsubscribe.append("<mailto:\(EncodedWord.sanitised(mailto))?subject=\(subject)>,")
        }
        if !unsubscribe.isEmpty {
            unsubscribe[unsubscribe.count - 1].removeLast()
            head.append(EncodedWord.fold(name: "List-Unsubscribe", tokens: unsubscribe))
        }
        if httpsURL != nil { head.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click") }
        head.append("Auto-Submitted: auto-generated")

        var bytes: [UInt8] = []
        bytes.reserveCapacity((body.html?.count ?? 0) + body.text.count + 2048)
        func line(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        head.forEach(line)
        if let html = body.html, recipient.format == .html {
            let boundary = boundary ?? Self.randomBoundary()
            line("Content-Type: multipart/alternative;")
            line(" boundary=\"\(boundary)\"")
            line("")
            line("This is a multi-part message in MIME format.")
            line("")
            line("--" + boundary)
            line("Content-Type: text/plain; charset=utf-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            bytes += body.text
            line("")
            line("--" + boundary)
            line("Content-Type: text/html; charset=utf-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            bytes += html
            line("")
            line("--" + boundary + "--")
        } else {
            line("Content-Type: text/plain; charset=utf-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            bytes += body.text
            if !(bytes.suffix(2) == [0x0D, 0x0A]) { line("") }
        }
        let returnPath = ReturnPath(settings.envelopeFrom ?? settings.fromAddress).address(for: subscriberID)
        return Message(id: id, envelopeFrom: returnPath, recipient: recipient.email,
                       subscriberID: subscriberID, bytes: bytes)
    }

    /// `<edition hash>.<subscriber id>@<domain>`: the same for the same edition and subscriber.
    static func messageID(edition: String, subscriberID: String, domain: String) -> String {
        let safeID = subscriberID.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        return "gazette.\(StableHash.hex(edition)).\(String(String.UnicodeScalarView(safeID)))@\(domain)"
    }

    /// `Name <address>`, the name quoted or encoded as needed.
    static func mailbox(field: String, name: String?, address: String) -> String {
        let address = "<\(EncodedWord.sanitised(address))>"
        guard let name = name.map(EncodedWord.sanitised), !name.isEmpty else { return "\(field): \(address)" }
        if EncodedWord.isPlainASCII(name) {
            return EncodedWord.fold(name: field, tokens: [quoted(name), address])
        }
        return EncodedWord.fold(name: field, tokens: EncodedWord.encodedWords(name) + [address])
    }

    /// A quoted-string when the phrase has specials, else the atoms as they are.
    static func quoted(_ name: String) -> String {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".unicodeScalars)
        if name.unicodeScalars.allSatisfy({ atext.contains($0) }) { return name }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `=_gz_` and 32 random hex digits: "=_" never occurs in quoted-printable output.
    static func randomBoundary() -> String {
        "=_gz_" + (0..<4).map { _ in
            let value = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            return String(repeating: "0", count: 8 - value.count) + value
        }.joined()
    }
}
