import Foundation
import Testing
@testable import GazetteKit

/// `gazette inbox` end to end: `gazette run` to the SMTP test server with a VERP return path,
/// bounces and complaints piped in or read from a Maildir, an mbox or Dovecot over IMAP.
@Suite(.serialized) struct InboxTests {
    /// A fixture whose messages carry `bounces+<id>@test.example.org` as their return path.
    static func fixture(active: Int = 3, smtpOptions: [String] = [], inbox: String = "") throws -> RunFixture {
        let fixture = try RunFixture(active: active, smtpOptions: smtpOptions)
        try fixture.rewriteConfig { text in
            text.replacingOccurrences(of: "  address: digest@test.example.org\n",
                                      with: "  address: digest@test.example.org\n  envelope_from: bounces+{id}@test.example.org\n")
                .replacingOccurrences(of: "links:\n", with: "links:\n  unsubscribe_mailto: unsubscribe@test.example.org\n")
                + (inbox.isEmpty ? "" : "\ninbox:\n" + inbox + "\n")
        }
        return fixture
    }

    /// Day `n` (1-based) of the test: a run at 06:00 with one new story.
    static func runDay(_ fixture: RunFixture, _ day: Int) throws -> GazetteProcess {
        let date = String(format: "2026-11-%02d", day)
        try fixture.writeFeed((1...day).map { ("story-\($0)", "Story of day \($0)", "\(String(format: "%02d", $0)) Nov 2026 05:00:00 GMT") }
            .map { (guid: $0.0, title: $0.1, published: $0.2) })
        return try fixture.run(now: "\(date)T06:00:00Z")
    }

    static func inbox(_ fixture: RunFixture, _ arguments: [String], stdin: [UInt8]? = nil, day: Int = 30,
                      environment: [String: String] = [:]) throws -> GazetteProcess {
        try GazetteProcess.run(["inbox"] + arguments + ["--config", fixture.configURL.path, "--now", String(format: "2026-11-%02dT12:00:00Z", day)],
                               environment: RunFixture.environment.merging(environment) { $1 }, stdin: stdin.map { Data($0) })
    }

    /// Our Message-ID of the copy `email` received most recently.
    static func messageID(_ fixture: RunFixture, for email: String) throws -> String {
        let messages = try fixture.received().filter { $0.header("To")?.contains(email) == true }
        let id = try #require(messages.last?.header("Message-ID"))
        return id.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
    }

    static func status(_ fixture: RunFixture, _ email: String) throws -> Subscriber.Status? {
        try SubscriberStore(url: fixture.root.appendingPathComponent("subscribers.json")).read().subscribers.first { $0.email == email }?.status
    }

    @Test func aHardBouncePipedInBouncesTheSubscriberAndTheNextRunSkipsThem() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let envelopes = try fixture.smtp.received().compactMap { try fixture.smtp.envelope(of: $0)["mail_from"] as? String }
        #expect(Set(envelopes) == ["bounces+sub1@test.example.org", "bounces+sub2@test.example.org", "bounces+sub3@test.example.org"])

        // The DSN names the address only in its report; the return path says who it is.
        let bounce = InboxMessages.dsn(to: "bounces+sub2@test.example.org", recipient: "reader2@example.org",
                                       messageID: try Self.messageID(fixture, for: "reader2@example.org"))
        let result = try Self.inbox(fixture, ["-"], stdin: bounce)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("hard bounce for reader2@example.org (userunknown 5.1.1): bounced"), "\(result.stdout)")
        #expect(try Self.status(fixture, "reader2@example.org") == .bounced)
        #expect(try Self.status(fixture, "reader1@example.org") == .active)

        let status = try GazetteProcess.run(["status", "--config", fixture.configURL.path])
        #expect(status.stdout.contains("came back: 1 hard bounce"), "\(status.stdout)")
        #expect(status.stdout.contains("then a hard bounce (userunknown 5.1.1)"))
        let show = try GazetteProcess.run(["subscribers", "show", "reader2@example.org", "--config", fixture.configURL.path])
        #expect(show.status == 0 && show.stdout.contains("\"bounces\"") && show.stdout.contains("\"userunknown\""), "\(show.stdout)")

        let before = try fixture.smtp.received().count
        #expect(try Self.runDay(fixture, 30).status == 0)
        let next = try fixture.smtp.received().dropFirst(before).compactMap { try fixture.smtp.envelope(of: $0)["rcpt_tos"] as? [String] }.flatMap { $0 }
        #expect(Set(next) == ["reader1@example.org", "reader3@example.org"])
    }

    @Test func theSameMessageTwiceChangesTheListOnce() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let bounce = InboxMessages.mailboxFull(to: "bounces+sub1@test.example.org", recipient: "reader1@example.org",
                                               messageID: try Self.messageID(fixture, for: "reader1@example.org"))
        let first = try Self.inbox(fixture, ["-"], stdin: bounce)
        #expect(first.stdout.contains("soft bounce for reader1@example.org (mailboxfull 5.2.2): counted (soft bounce 1 of 5"), "\(first.stdout)")
        let second = try Self.inbox(fixture, ["-"], stdin: bounce)
        #expect(second.status == 0 && second.stdout.contains("already processed"), "\(second.stdout)")
        let log = try String(contentsOf: fixture.stateURL.appendingPathComponent("bounces.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 1)
    }

    @Test func fiveSoftBouncesOnFiveDaysBounceTheSubscriber() throws {
        let fixture = try Self.fixture(active: 2)
        for day in 21...25 {
            #expect(try Self.runDay(fixture, day).status == 0)
            let bounce = InboxMessages.mailboxFull(to: "bounces+sub1@test.example.org", recipient: "reader1@example.org",
                                                   messageID: try Self.messageID(fixture, for: "reader1@example.org"))
            let result = try Self.inbox(fixture, ["-"], stdin: bounce, day: day)
            #expect(result.stdout.contains("soft bounce \(day - 20) of 5"), "\(result.stdout)")
            #expect(try Self.status(fixture, "reader1@example.org") == (day < 25 ? .active : .bounced))
        }
        #expect(try Self.status(fixture, "reader2@example.org") == .active)
    }

    @Test func aSuccessfulDeliveryBetweenSoftBouncesStartsTheCountAgain() throws {
        let fixture = try Self.fixture(active: 1, inbox: "  soft_bounce_limit: 2")
        func bounceToday(_ day: Int) throws -> GazetteProcess {
            let bounce = InboxMessages.mailboxFull(to: "bounces+sub1@test.example.org", recipient: "reader1@example.org",
                                                   messageID: try Self.messageID(fixture, for: "reader1@example.org"))
            return try Self.inbox(fixture, ["-"], stdin: bounce, day: day)
        }
        #expect(try Self.runDay(fixture, 21).status == 0)
        #expect(try bounceToday(21).stdout.contains("soft bounce 1 of 2"))
        #expect(try Self.runDay(fixture, 22).status == 0)  // taken, and no bounce for it
        #expect(try Self.runDay(fixture, 23).status == 0)
        let third = try bounceToday(23)
        #expect(third.stdout.contains("soft bounce 1 of 2"), "\(third.stdout)")
        #expect(try Self.status(fixture, "reader1@example.org") == .active)
        #expect(try Self.runDay(fixture, 24).status == 0)
        #expect(try bounceToday(24).stdout.contains("soft bounce 2 of 2"))
        #expect(try Self.status(fixture, "reader1@example.org") == .bounced)
    }

    @Test func aComplaintUnsubscribesAndImportNeverBringsTheAddressBack() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let id = try Self.messageID(fixture, for: "reader3@example.org")
        let result = try Self.inbox(fixture, ["-"], stdin: InboxMessages.complaint(recipient: "reader3@example.org", messageID: id))
        #expect(result.stdout.contains("complaint for reader3@example.org (feedback): unsubscribed"), "\(result.stdout)")
        #expect(try Self.status(fixture, "reader3@example.org") == .unsubscribed)
        let csv = fixture.root.appendingPathComponent("again.csv")
        try "email\nreader3@example.org\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try GazetteProcess.run(["subscribers", "import", csv.path, "--config", fixture.configURL.path])
        #expect(imported.status == 1 && imported.stdout.contains("refused"), "\(imported.stdout)")
        #expect(try Self.status(fixture, "reader3@example.org") == .unsubscribed)
    }

    @Test func aComplaintWithTheAddressHiddenIsAttributedByOurMessageID() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let id = try Self.messageID(fixture, for: "reader1@example.org")
        let result = try Self.inbox(fixture, ["-"], stdin: InboxMessages.complaint(recipient: nil, messageID: id))
        #expect(result.stdout.contains("complaint for reader1@example.org"), "\(result.stdout)")
        #expect(try Self.status(fixture, "reader1@example.org") == .unsubscribed)
    }

    @Test func aMailtoUnsubscribeNeedsTheTokenOurHeaderCarries() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let header = try #require(try fixture.received().first { $0.header("To")?.contains("reader1@") == true }?.header("List-Unsubscribe"))
        let mailto = try #require(header.components(separatedBy: "<mailto:").last?.components(separatedBy: ">").first)
        #expect(mailto.hasPrefix("unsubscribe@test.example.org?subject=unsubscribe%20sub1."))
        let subject = try #require(mailto.components(separatedBy: "subject=").last?.removingPercentEncoding)

        let forged = try Self.inbox(fixture, ["-"], stdin: InboxMessages.unsubscribeRequest(from: "reader2@example.org", to: "unsubscribe@test.example.org",
                                                                                          subject: "unsubscribe"))
        #expect(forged.stdout.contains("no valid token"), "\(forged.stdout)")
        #expect(try Self.status(fixture, "reader2@example.org") == .active)

        let genuine = try Self.inbox(fixture, ["-"], stdin: InboxMessages.unsubscribeRequest(from: "reader1@example.org", to: "unsubscribe@test.example.org",
                                                                                           subject: subject))
        #expect(genuine.stdout.contains("unsubscribe request for reader1@example.org (mailto): unsubscribed"), "\(genuine.stdout)")
        #expect(try Self.status(fixture, "reader1@example.org") == .unsubscribed)
    }

    @Test func aRefusalAtRCPTTimeBouncesTheAddressWithoutABounceMessage() throws {
        let fixture = try Self.fixture(smtpOptions: ["--reject", "reader2@example.org"])
        let run = try Self.runDay(fixture, 29)
        #expect(run.status == 0 || run.status == 1)
        #expect(try Self.status(fixture, "reader2@example.org") == .bounced)
        let log = try String(contentsOf: fixture.stateURL.appendingPathComponent("bounces.jsonl"), encoding: .utf8)
        #expect(log.contains("\"source\":\"smtp\"") && log.contains("\"status\":\"5.1.1\""), "\(log)")
    }

    @Test func aMaildirKeepsWhatIsNotOursAndMarksTheRestSeen() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let maildir = fixture.root.appendingPathComponent("Maildir")
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(at: maildir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let messages: [(String, [UInt8])] = [
            ("1.bounce", InboxMessages.dsn(to: "bounces+sub1@test.example.org", recipient: "reader1@example.org",
                                           messageID: try Self.messageID(fixture, for: "reader1@example.org"))),
            ("2.person", InboxMessages.person(to: "bounces@test.example.org")),
            ("3.vacation", InboxMessages.vacation(from: "reader3@example.org", to: "bounces+sub3@test.example.org")),
        ]
        for (name, bytes) in messages { try Data(bytes).write(to: maildir.appendingPathComponent("new/\(name)")) }
        let result = try Self.inbox(fixture, ["--maildir", maildir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 messages: 1 bounced"), "\(result.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path) == ["2.person"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("cur").path))
                == ["1.bounce:2,S", "3.vacation:2,S"])
        #expect(try Self.status(fixture, "reader3@example.org") == .active)

        let again = try Self.inbox(fixture, ["--maildir", maildir.path, "--delete-processed"])
        #expect(again.stdout.contains("1 messages:") && again.stdout.contains("1 left alone"), "\(again.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: maildir.appendingPathComponent("new").path) == ["2.person"])
    }

    @Test func anMboxIsReadWithoutBeingChanged() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        var mbox: [UInt8] = []
        for bytes in [InboxMessages.dsn(to: "bounces+sub1@test.example.org", recipient: "reader1@example.org", messageID: nil),
                      InboxMessages.person(to: "bounces@test.example.org")] {
            mbox += Array("From MAILER-DAEMON Mon Nov 30 06:00:00 2026\n".utf8)
            mbox += String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8
            mbox += [0x0A]
        }
        let path = fixture.root.appendingPathComponent("bounces.mbox")
        try Data(mbox).write(to: path)
        let result = try Self.inbox(fixture, ["--mbox", path.path])
        #expect(result.stdout.contains("2 messages: 1 bounced"), "\(result.stdout)")
        #expect(try Data(contentsOf: path) == Data(mbox))
        let refused = try Self.inbox(fixture, ["--mbox", path.path, "--delete-processed"])
        #expect(refused.status == 2 && refused.stderr.contains("not an mbox"))
    }

    @Test func badInputIsReportedAndChangesNothing() throws {
        let fixture = try Self.fixture(inbox: "  max_message_kib: 1024")
        #expect(try Self.runDay(fixture, 29).status == 0)
        let before = try SubscriberStore(url: fixture.root.appendingPathComponent("subscribers.json")).read()
        var random = SystemRandomNumberGenerator()
        let inputs: [[UInt8]] = [
            [],
            (0..<5000).map { _ in UInt8.random(in: 0...255, using: &random) },
            Array("Content-Type: multipart/report; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822;".utf8),
            InboxMessages.dsn(to: "bounces@test.example.org", recipient: "stranger@example.com", messageID: nil),
            Array(("Subject: big\r\n\r\n" + String(repeating: "x", count: 3_000_000)).utf8),
        ]
        for input in inputs {
            let result = try Self.inbox(fixture, ["-"], stdin: input)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        let big = try Self.inbox(fixture, ["-"], stdin: inputs[4])
        #expect(big.stdout.contains("larger than 1024 KiB: read the first 1024 KiB only"), "\(big.stdout)")
        let stranger = try Self.inbox(fixture, ["-"], stdin: inputs[3])
        #expect(stranger.stdout.contains("stranger@example.com, which is not on the list: nothing changed"), "\(stranger.stdout)")
        #expect(try SubscriberStore(url: fixture.root.appendingPathComponent("subscribers.json")).read() == before)
    }

    @Test(.enabled(if: IMAPTestServer.available, "dovecot-imapd is not installed (scripts/setup.sh --tests installs it)"))
    func anIMAPMailboxOnDovecot() throws {
        let fixture = try Self.fixture()
        #expect(try Self.runDay(fixture, 29).status == 0)
        let imap = try IMAPTestServer()
        try imap.deliver(InboxMessages.dsn(to: "bounces+sub2@test.example.org", recipient: "reader2@example.org",
                                           messageID: try Self.messageID(fixture, for: "reader2@example.org")), name: "1.bounce")
        try imap.deliver(InboxMessages.person(to: "bounces@test.example.org"), name: "2.person")
        #expect(try imap.search("UNSEEN").count == 2)

        let wrong = try Self.inbox(fixture, ["--imap", imap.url], environment: ["GAZETTE_IMAP_PASSWORD": "wrong"])
        #expect(wrong.status == 2 && wrong.stderr.contains("imap://bounces@127.0.0.1"), "\(wrong.stderr)")
        #expect(try Self.status(fixture, "reader2@example.org") == .active)

        let result = try Self.inbox(fixture, ["--imap", imap.url], environment: ["GAZETTE_IMAP_PASSWORD": "secret"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("hard bounce for reader2@example.org") && result.stdout.contains("UID 1"), "\(result.stdout)")
        #expect(try Self.status(fixture, "reader2@example.org") == .bounced)
        #expect(try imap.search("UNSEEN") == [2])  // the person's message is left unread
        #expect(try imap.search("ALL") == [1, 2])

        try imap.deliver(InboxMessages.vacation(from: "reader1@example.org", to: "bounces+sub1@test.example.org"), name: "3.vacation")
        let deleting = try Self.inbox(fixture, ["--imap", imap.url, "--delete-processed"], environment: ["GAZETTE_IMAP_PASSWORD": "secret"])
        #expect(deleting.status == 0 && deleting.stdout.contains("ignored"), "\(deleting.stdout)")
        #expect(try imap.search("ALL") == [1, 2])
    }
}
