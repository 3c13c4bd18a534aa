import Foundation
import Testing
@testable import GazetteKit

@Suite struct MessageBuilderTests {
    static let settings = MessageSettings(fromAddress: "digest@morning.example.org", fromName: "Morning Gazette · Früh",
                                          listID: "morning.example.org", unsubscribeMailto: "unsubscribe@morning.example.org")

    static func message(recipient: Recipient = SampleDigest.recipient, subject: String = "The Morning Gazette — 29 Nov: Café reopens") -> Message {
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try! TemplateSet()).render(for: recipient)
        return MessageBuilder(settings: settings).build(edition: "morning/2026-11-29", subject: subject, date: SampleDigest.edition,
                                                        rendered: rendered, recipient: recipient, subscriberID: "0123abcd")
    }

    @Test func anHTMLSubscriberGetsTextThenHTMLAlternativesThatAnIndependentParserReads() throws {
        let message = Self.message()
        let mail = try MailInspector.inspect(bytes: message.bytes)
        #expect(mail.defects.isEmpty)
        #expect(mail.crlfOnly)
        #expect(mail.longestLine <= 998)
        #expect(mail.type == "multipart/alternative")
        let types = mail.parts.compactMap { $0["type"] as? String }
        #expect(types == ["multipart/alternative", "text/plain", "text/html"])
        for part in mail.parts.dropFirst() {
            #expect(part["charset"] as? String == "utf-8")
            #expect(part["encoding"] as? String == "quoted-printable")
        }
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        // Bodies decode to exactly what was rendered (line ends aside: the wire uses CRLF).
        #expect(mail.body("text/plain")?.replacingOccurrences(of: "\r\n", with: "\n") == rendered.text)
        #expect(mail.body("text/html")?.replacingOccurrences(of: "\r\n", with: "\n") == rendered.html)
    }

    @Test func headersRoundTripThroughRFC2047() throws {
        let mail = try MailInspector.inspect(bytes: Self.message().bytes)
        #expect(mail.header("Subject") == "The Morning Gazette — 29 Nov: Café reopens")
        #expect(mail.fromNames == ["Morning Gazette · Früh"])
        #expect(mail.toNames == ["Ada Lovelace"])
        #expect(mail.header("Date") == "Sun, 29 Nov 2026 08:00:00 +0000")
        #expect(mail.header("MIME-Version") == "1.0")
        #expect(mail.header("Message-ID") == "<\(Self.message().id)>")
        #expect(mail.header("List-Id")?.hasSuffix("<morning.example.org>") == true)
        #expect(mail.header("List-Unsubscribe") ==
                "<https://morning.example.org/unsubscribe?token=abc.DEF&list=morning>, <mailto:unsubscribe@morning.example.org?subject=unsubscribe>")
        #expect(mail.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(mail.header("Auto-Submitted") == "auto-generated")
    }

    @Test func theMessageIDIsTheSameForARetryAndDiffersPerSubscriberAndEdition() {
        let first = Self.message()
        let again = Self.message()
        #expect(first.id == again.id)
        #expect(first.id.hasSuffix("@morning.example.org"))
        #expect(MessageBuilder.messageID(edition: "morning/2026-11-30", subscriberID: "0123abcd", domain: "d") != MessageBuilder.messageID(edition: "morning/2026-11-29", subscriberID: "0123abcd", domain: "d"))
        #expect(MessageBuilder.messageID(edition: "e", subscriberID: "a", domain: "d") != MessageBuilder.messageID(edition: "e", subscriberID: "b", domain: "d"))
        // Boundaries are random.
        #expect(first.bytes != again.bytes)
    }

    @Test func aTextSubscriberGetsOneTextPart() throws {
        var recipient = SampleDigest.recipient
        recipient.format = .text
        let mail = try MailInspector.inspect(bytes: Self.message(recipient: recipient).bytes)
        #expect(mail.type == "text/plain")
        #expect(mail.parts.count == 1)
        #expect(mail.body("text/plain")?.contains("Swing bridge reopens") == true)
    }

    @Test func aHostileTitleCannotAddHeaders() throws {
        let message = Self.message(subject: "Hi\r\nBcc: victim@example.org\r\n\r\n<b>body</b>")
        let mail = try MailInspector.inspect(bytes: message.bytes)
        #expect(mail.headers["bcc"] == nil)
        #expect(mail.header("Subject") == "Hi Bcc: victim@example.org <b>body</b>")
    }

    @Test func withoutAnHTTPSUnsubscribeURLThereIsNoOneClickHeader() throws {
        var recipient = SampleDigest.recipient
        recipient.unsubscribeURL = nil
        let mail = try MailInspector.inspect(bytes: Self.message(recipient: recipient).bytes)
        #expect(mail.header("List-Unsubscribe") == "<mailto:unsubscribe@morning.example.org?subject=unsubscribe>")
        #expect(mail.header("List-Unsubscribe-Post") == nil)
    }
}
