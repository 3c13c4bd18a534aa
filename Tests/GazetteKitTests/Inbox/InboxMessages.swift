import Foundation

/// Messages a bounce mailbox receives, written for these tests in the shapes MTAs and feedback
/// loops send (RFC 3464 DSNs as Postfix writes them, an RFC 5965 ARF report, a vacation reply).
enum InboxMessages {
    /// A Postfix DSN for `recipient`, sent to `to` (the return path), returning `messageID`'s headers.
    static func dsn(to: String, recipient: String, messageID: String?, status: String = "5.1.1",
                    diagnostic: String = "smtp; 550 5.1.1 <%@>: Recipient address rejected: User unknown in virtual mailbox table",
                    id: String = UUID().uuidString) -> [UInt8] {
        let diagnosticLine = diagnostic.replacingOccurrences(of: "%@", with: recipient)
        let returned = messageID.map { "Message-ID: <\($0)>\r\n" } ?? ""
        let text = """
        Return-Path: <>\r
        Delivered-To: \(to)\r
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r
        To: \(to)\r
        Subject: Undelivered Mail Returned to Sender\r
        Message-ID: <\(id)@mx.example.net>\r
        Auto-Submitted: auto-replied\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="B0UND"\r
        \r
        --B0UND\r
        Content-Type: text/plain; charset=us-ascii\r
        \r
        This is the mail system at host mx.example.net.\r
        \r
        I'm sorry to have to inform you that your message could not\r
        be delivered to one or more recipients.\r
        \r
        <\(recipient)>: host mail.example.com[192.0.2.7] said: \(diagnosticLine.replacingOccurrences(of: "smtp; ", with: "")) (in reply to RCPT TO command)\r
        \r
        --B0UND\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mx.example.net\r
        Arrival-Date: Mon, 30 Nov 2026 06:00:05 +0000\r
        \r
        Final-Recipient: rfc822; \(recipient)\r
        Original-Recipient: rfc822;\(recipient)\r
        Action: failed\r
        Status: \(status)\r
        Remote-MTA: dns; mail.example.com\r
        Diagnostic-Code: \(diagnosticLine)\r
        \r
        --B0UND\r
        Content-Type: text/rfc822-headers\r
        \r
        From: Test Digest <digest@test.example.org>\r
        To: <\(recipient)>\r
        Subject: Test Digest: a story\r
        \(returned)List-Id: <test.example.org>\r
        \r
        --B0UND--\r

        """
        return Array(text.utf8)
    }

    /// A mailbox-full DSN (soft).
    static func mailboxFull(to: String, recipient: String, messageID: String?, id: String = UUID().uuidString) -> [UInt8] {
        dsn(to: to, recipient: recipient, messageID: messageID, status: "5.2.2",
            diagnostic: "smtp; 552 5.2.2 <%@>: Mailbox full, quota exceeded", id: id)
    }

    /// An RFC 5965 feedback report about `recipient`'s copy.
    static func complaint(recipient: String?, messageID: String, listUnsubscribe: String? = nil) -> [UInt8] {
        let rcpt = recipient.map { "Original-Rcpt-To: \($0)\r\n" } ?? ""
        let unsubscribe = listUnsubscribe.map { "List-Unsubscribe: \($0)\r\n" } ?? ""
        let text = """
        From: feedback@fbl.example.net\r
        To: abuse@test.example.org\r
        Subject: FW: Test Digest\r
        Message-ID: <\(UUID().uuidString)@fbl.example.net>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=feedback-report; boundary="ARF"\r
        \r
        --ARF\r
        Content-Type: text/plain\r
        \r
        This is an email abuse report for an email message received from IP 192.0.2.1.\r
        \r
        --ARF\r
        Content-Type: message/feedback-report\r
        \r
        Feedback-Type: abuse\r
        User-Agent: ExampleFBL/1.0\r
        Version: 1\r
        \(rcpt)Arrival-Date: Mon, 30 Nov 2026 07:00:00 +0000\r
        \r
        --ARF\r
        Content-Type: message/rfc822\r
        \r
        From: Test Digest <digest@test.example.org>\r
        To: redacted@example.net\r
        Subject: Test Digest: a story\r
        Message-ID: <\(messageID)>\r
        \(unsubscribe)\r
        The digest.\r
        --ARF--\r

        """
        return Array(text.utf8)
    }

    static func vacation(from: String, to: String) -> [UInt8] {
        Array("""
        From: \(from)\r
        To: \(to)\r
        Subject: Out of office: Test Digest\r
        Auto-Submitted: auto-replied\r
        Message-ID: <\(UUID().uuidString)@example.org>\r
        \r
        I am away until Monday.\r

        """.utf8)
    }

    static func person(to: String) -> [UInt8] {
        Array("""
        From: Someone <someone@example.net>\r
        To: \(to)\r
        Subject: Lovely digest\r
        Message-ID: <\(UUID().uuidString)@example.net>\r
        \r
        Thanks for the digest, keep it up.\r

        """.utf8)
    }

    static func unsubscribeRequest(from: String, to: String, subject: String) -> [UInt8] {
        Array("""
        From: \(from)\r
        To: \(to)\r
        Subject: \(subject)\r
        Message-ID: <\(UUID().uuidString)@example.org>\r
        \r
        This message was automatically generated by the mail client.\r

        """.utf8)
    }
}
