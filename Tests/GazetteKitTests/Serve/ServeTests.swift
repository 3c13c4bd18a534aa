import Foundation
import Testing
@testable import GazetteKit

/// `gazette serve` end to end: a real server on 127.0.0.1, real HTTP requests (curl), the outbox
/// and the subscriber file checked afterwards.
@Suite(.serialized) struct ServeTests {
    static let created = Date(timeIntervalSince1970: 1_790_000_000)
    static let reader = Subscriber(id: "reader1", email: "reader@example.org", name: "Reader One", created: created)

    @Test func everyGetIsAPageAndChangesNothing() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader])
        try fixture.start()
        let before = fixture.stateOnDisk()
        let tokens = fixture.tokens
        let confirm = tokens.token(for: "reader1", purpose: .confirm, expires: Date().addingTimeInterval(3600))
        for path in ["/", "/subscribe", "/confirm?token=\(confirm)", "/unsubscribe?token=\(tokens.token(for: "reader1"))",
                     "/preferences?token=\(tokens.token(for: "reader1", purpose: .preferences))", "/unsubscribe?token=forged.token"] {
            let reply = try fixture.request("GET", path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
            #expect(reply.headers.lowercased().contains("cache-control: no-store"))
        }
        Thread.sleep(forTimeInterval: 2.5)  // past one apply cycle
        #expect(fixture.stateOnDisk() == before)
    }

    /// Confirmations go out through a relay that never answers: the server must go on answering
    /// (a send blocks its thread until the relay gives up; those threads are not the requests').
    @Test func aRelayThatNeverAnswersDoesNotStallTheServer() throws {
        let relay = try SMTPTestServer(["--silent"])
        let fixture = try ServeFixture(extraServe: "  subscribes_per_hour: 100",
                                       delivery: "{backend: smtp, smtp: {url: \"\(relay.url)\", starttls: \"off\", timeout: 60}}")
        try fixture.start()
        for n in 1...6 {  // more stuck sends than this machine has cores
            let reply = try fixture.request("POST", "/subscribe", form: [("email", "reader\(n)@example.org"), ("website", "")])
            #expect(reply.status == 200, "subscribe \(n): \(reply.status)")
        }
        let page = try fixture.request("GET", "/subscribe")
        #expect(page.status == 200 && page.body.contains("<form"))
        let unsubscribe = try fixture.request("POST", "/unsubscribe?token=\(fixture.tokens.token(for: "nobody"))", body: "List-Unsubscribe=One-Click")
        #expect(unsubscribe.status == 200)
        #expect(try fixture.list().count == 6)  // every subscribe recorded while the mail waits
    }

    @Test func subscribeThenConfirmThenTheNextRunDeliversToTheNewReader() throws {
        let fixture = try ServeFixture()
        try fixture.start()
        let reply = try fixture.request("POST", "/subscribe", form: [("email", "New.Reader@Example.org"), ("name", "New Reader"),
                                                                    ("section", "Science"), ("format", "text"), ("website", "")])
        #expect(reply.status == 200)
        #expect(reply.body.contains("Check your inbox"))
        #expect(fixture.waitUntil { (try? fixture.confirmations().count) == 1 })
        let mail = try #require(try fixture.confirmations().first)
        #expect(mail.header("To") == "New Reader <New.Reader@example.org>")
        #expect(mail.header("Message-ID")?.hasPrefix("<gazette.") == true)
        let pending = try #require(try fixture.list().first)
        #expect(pending.status == .pending && pending.sections == ["Science"] && pending.format == .text)

        let confirmPath = try #require(ServeFixture.confirmPath(in: mail))
        let page = try fixture.request("GET", confirmPath)
        #expect(page.body.contains("<button type=\"submit\">Confirm</button>"))
        #expect(try fixture.list().first?.status == .pending)  // a GET (a link scanner) confirms nothing
        let token = String(confirmPath.dropFirst("/confirm?token=".count)).removingPercentEncoding!
        let confirmed = try fixture.request("POST", "/confirm", form: [("token", token)])
        #expect(confirmed.status == 200 && confirmed.body.contains("You are subscribed"))
        #expect(try fixture.list().first?.status == .active)

        let run = try fixture.run()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("subscribers: 1 delivered"))
        let digests = try MailInspector.inspect(try FileManager.default.contentsOfDirectory(at: fixture.outbox, includingPropertiesForKeys: nil))
            .filter { $0.header("Subject")?.hasPrefix("Harbour Daily") == true }
        #expect(digests.count == 1)
        #expect(digests.first?.type == "text/plain")
    }

    @Test func oneClickUnsubscribeExactlyAsGmailSendsItAndTheNextRunSkipsThem() throws {
        let other = Subscriber(id: "reader2", email: "two@example.org", created: Self.created)
        let fixture = try ServeFixture(subscribers: [Self.reader, other])
        try fixture.start()
        #expect(try fixture.run().status == 0)
        let digests = try MailInspector.inspect(try FileManager.default.contentsOfDirectory(at: fixture.outbox, includingPropertiesForKeys: nil))
        let mail = try #require(digests.first { $0.header("To")?.contains("reader@example.org") == true })
        #expect(mail.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        let header = try #require(mail.header("List-Unsubscribe"))
        let url = try #require(header.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " <>")) }
            .first { $0.hasPrefix("https://harbour.example.org/unsubscribe?token=") })
        // RFC 8058: a POST to the header's URL with List-Unsubscribe=One-Click as a form body.
        let path = String(url.dropFirst("https://harbour.example.org".count))
        let reply = try fixture.request("POST", path, body: "List-Unsubscribe=One-Click",
                                        headers: ["Content-Type: application/x-www-form-urlencoded"])
        #expect(reply.status == 200)
        // Some clients post an empty body: the same.
        let empty = try fixture.request("POST", "/unsubscribe?token=\(fixture.tokens.token(for: "reader2"))", body: "")
        #expect(empty.status == 200)
        #expect(try fixture.list().map(\.status) == [.unsubscribed, .unsubscribed])
        // The next edition goes to nobody; the unsubscribe page offers to come back.
        let next = try fixture.run(now: "2026-11-30T06:00:00Z")
        #expect(!next.stdout.contains("1 delivered") && !next.stdout.contains("2 delivered"), "\(next.stdout)")
        #expect(reply.body.contains("Subscribe again"))
        let back = try fixture.request("POST", "/resubscribe", form: [("token", fixture.tokens.token(for: "reader1"))])
        #expect(back.body.contains("Welcome back"))
        #expect(try fixture.list().first?.status == .active)
    }

    @Test func badExpiredAndWrongPurposeTokensChangeNothing() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader])
        try fixture.start()
        let tokens = fixture.tokens
        let before = fixture.stateOnDisk()
        let good = try fixture.request("GET", "/unsubscribe?token=\(tokens.token(for: "reader1"))")
        let bad = try fixture.request("GET", "/unsubscribe?token=reader1.AAAA")
        #expect(good.status == bad.status)
        #expect(good.body.replacingOccurrences(of: tokens.token(for: "reader1"), with: "") == bad.body.replacingOccurrences(of: "reader1.AAAA", with: ""))
        for (path, token) in [("/unsubscribe", "reader1.AAAA"), ("/unsubscribe", tokens.token(for: "reader1", purpose: .preferences)),
                              ("/confirm", tokens.token(for: "reader1", purpose: .confirm, expires: Date().addingTimeInterval(-60))),
                              ("/confirm", tokens.token(for: "reader1")), ("/preferences", tokens.token(for: "reader1")),
                              ("/resubscribe", tokens.token(for: "reader1", purpose: .preferences))] {
            let reply = try fixture.request("POST", path, form: [("token", token), ("format", "text")])
            #expect(reply.status == 200, "\(path)")
        }
        let posted = try fixture.request("POST", "/unsubscribe?token=forged", body: "List-Unsubscribe=One-Click")
        #expect(posted.status == 200 && posted.body.contains("You are unsubscribed"))
        Thread.sleep(forTimeInterval: 2.5)
        #expect(fixture.stateOnDisk() == before)
        #expect(try fixture.list().first?.status == .active)
        #expect(try fixture.request("GET", "/preferences?token=\(tokens.token(for: "reader1"))").body.contains("does not work"))
    }

    @Test func preferencesSetSectionsFormatAndAPauseTheRunHonours() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader])
        try fixture.start()
        let token = fixture.tokens.token(for: "reader1", purpose: .preferences)
        let page = try fixture.request("GET", "/preferences?token=\(token)")
        #expect(page.body.contains("reader@example.org"))
        let saved = try fixture.request("POST", "/preferences", form: [("token", token), ("section", "Science"), ("format", "text"),
                                                                      ("pause", "2026-12-10")])
        #expect(saved.body.contains("Saved"))
        let subscriber = try #require(try fixture.list().first)
        #expect(subscriber.sections == ["Science"] && subscriber.format == .text && subscriber.status == .active)
        #expect(subscriber.pausedUntil.map(Timestamp.rfc3339) == "2026-12-10T00:00:00Z")
        let run = try fixture.run()
        #expect(run.status == 0 && !run.stdout.contains("1 delivered"), "\(run.stdout)")
        // Clearing the pause brings the editions back.
        _ = try fixture.request("POST", "/preferences", form: [("token", token), ("format", "html"), ("pause", "")])
        #expect(try fixture.list().first?.pausedUntil == nil)
    }

    @Test func aSuppressedAddressComesBackOnlyByConfirming() throws {
        let gone = Subscriber(id: "gone1", email: "gone@example.org", status: .unsubscribed, created: Self.created)
        let fixture = try ServeFixture(subscribers: [gone])
        try fixture.start()
        _ = try fixture.request("POST", "/subscribe", form: [("email", "gone@example.org")])
        #expect(fixture.waitUntil { (try? fixture.confirmations().count) == 1 })
        #expect(try fixture.list().first?.status == .unsubscribed)
        let mail = try #require(try fixture.confirmations().first)
        let token = String(try #require(ServeFixture.confirmPath(in: mail)).dropFirst("/confirm?token=".count)).removingPercentEncoding!
        #expect(token.hasPrefix("gone1."))
        _ = try fixture.request("POST", "/confirm", form: [("token", token)])
        #expect(try fixture.list().first?.status == .active)
    }

    @Test func abuseIsRefusedWithoutTellingWhoIsOnTheList() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader], extraServe: "  subscribes_per_hour: 3\n  trusted_proxies: []")
        try fixture.start()
        // The honeypot: the same answer, nothing recorded, nothing sent.
        let robot = try fixture.request("POST", "/subscribe", form: [("email", "bot@example.org"), ("website", "http://spam")])
        #expect(robot.body.contains("Check your inbox"))
        // A known address and a new one get the same page.
        let known = try fixture.request("POST", "/subscribe", form: [("email", "reader@example.org")])
        let unknown = try fixture.request("POST", "/subscribe", form: [("email", "fresh@example.org"), ("name", "Eve\r\nBcc: all@example.org")])
        #expect(known.status == unknown.status && known.body == unknown.body)
        // One confirmation per address per hour, however often the form is sent.
        _ = try fixture.request("POST", "/subscribe", form: [("email", "fresh@example.org")], headers: ["X-Forwarded-For: 10.1.1.1"])
        // The fourth counted request from this client is over the limit, whatever X-Forwarded-For says
        // (no proxy is trusted; the robot's request was not counted).
        let limited = try fixture.request("POST", "/subscribe", form: [("email", "other@example.org")], headers: ["X-Forwarded-For: 10.9.9.9"])
        #expect(limited.status == 429)
        Thread.sleep(forTimeInterval: 1)
        let mails = try fixture.confirmations()
        #expect(mails.count == 1)
        #expect(mails.first?.header("To") == "\"Eve Bcc: all@example.org\" <fresh@example.org>")
        #expect(mails.first?.headers["bcc"] == nil)
        #expect(try fixture.list().map(\.email).sorted() == ["fresh@example.org", "reader@example.org"])
    }

    @Test func aPauseDateThatIsNotADateIsRefusedAndChangesNothing() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader])
        try fixture.start()
        let before = fixture.stateOnDisk()
        let token = fixture.tokens.token(for: "reader1", purpose: .preferences)
        let reply = try fixture.request("POST", "/preferences", form: [("token", token), ("format", "text"), ("pause", "31/12/2026")])
        #expect(reply.status == 400)
        #expect(reply.body.contains("That date is not right"))
        #expect(fixture.stateOnDisk() == before)
        #expect(try fixture.list().first?.format == .html)
    }

    @Test func badInputGetsAClearAnswer() throws {
        let fixture = try ServeFixture()
        try fixture.start()
        let invalid = try fixture.request("POST", "/subscribe", form: [("email", "<script>alert(1)</script>@x")])
        #expect(invalid.status == 400)
        #expect(invalid.body.contains("&lt;script&gt;") && !invalid.body.contains("<script>alert"))
        let huge = try fixture.request("POST", "/subscribe", body: "email=" + String(repeating: "a", count: 20_000) + "@example.org")
        #expect(huge.status == 413)
        let unknownReader = try fixture.request("POST", "/preferences", form: [("token", fixture.tokens.token(for: "x", purpose: .preferences))])
        #expect(unknownReader.status == 200)
        #expect(try fixture.list().isEmpty)
        #expect(try fixture.request("GET", "/editions/..%2Fgazette.yml").status == 404)
        #expect(try fixture.request("GET", "/editions/.hidden").status == 404)
    }

    @Test func logsNeverCarryTokensOrTheSecret() throws {
        let fixture = try ServeFixture(subscribers: [Self.reader])
        try fixture.start()
        let unsubscribe = fixture.tokens.token(for: "reader1")
        let preferences = fixture.tokens.token(for: "reader1", purpose: .preferences)
        _ = try fixture.request("GET", "/preferences?token=\(preferences)")
        _ = try fixture.request("POST", "/preferences", form: [("token", preferences), ("format", "text")])
        _ = try fixture.request("POST", "/unsubscribe?token=\(unsubscribe)", body: "List-Unsubscribe=One-Click")
        _ = try fixture.request("POST", "/subscribe", form: [("email", "new@example.org")])
        Thread.sleep(forTimeInterval: 1)
        let log = try String(contentsOf: fixture.servers[0].log, encoding: .utf8)
        #expect(log.contains("unsubscribe") && log.contains("reader1"))
        for secret in [unsubscribe, preferences, ServeFixture.secret, String(unsubscribe.split(separator: ".").last!)] {
            #expect(!log.contains(secret))
        }
    }

    @Test func twoServersAndTheCommandLineAtOnceLoseNothing() throws {
        let readers = (1...40).map { Subscriber(id: "r\($0)", email: "r\($0)@example.org", created: Self.created) }
        let fixture = try ServeFixture(subscribers: readers)
        try fixture.start()
        try fixture.start()
        let tokens = fixture.tokens
        let file = fixture.subscribersURL.path
        DispatchQueue.concurrentPerform(iterations: 60) { index in
            if index < 40 {
                _ = try? fixture.request("POST", "/unsubscribe?token=\(tokens.token(for: "r\(index + 1)"))", body: "", server: index % 2)
            } else {
                _ = try? GazetteProcess.run(["subscribers", "add", "cli\(index)@example.org", "--file", file])
            }
        }
        let list = try fixture.list()
        #expect(list.filter { $0.id.hasPrefix("r") }.allSatisfy { $0.status == .unsubscribed })
        #expect(list.filter { $0.email.hasPrefix("cli") }.count == 20)
        // Once the servers have written the log into the file, the file alone says the same.
        #expect(fixture.waitUntil { (try? SubscriberList.decode(Data(contentsOf: fixture.subscribersURL), path: file))?
            .subscribers.filter { $0.status == .unsubscribed }.count == 40 })
    }

    @Test func aServerKilledDuringABurstLosesNoAcknowledgedChange() throws {
        let readers = (1...500).map { Subscriber(id: "k\($0)", email: "k\($0)@example.org", created: Self.created) }
        let fixture = try ServeFixture(subscribers: readers)
        try fixture.start()
        let tokens = fixture.tokens
        let acknowledged = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 500)
        acknowledged.initialize(repeating: false)
        defer { acknowledged.deallocate() }
        nonisolated(unsafe) let slots = acknowledged
        let server = fixture.servers[0].process
        DispatchQueue.global().asyncAfter(deadline: .now() + 1.0) { kill(server.processIdentifier, SIGKILL) }
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for index in stride(from: worker, to: 500, by: 16) {
                let reply = try? fixture.request("POST", "/unsubscribe?token=\(tokens.token(for: "k\(index + 1)"))",
                                                 body: "List-Unsubscribe=One-Click")
                slots[index] = reply?.status == 200
            }
        }
        server.waitUntilExit()
        let answered = acknowledged.filter { $0 }.count
        #expect(answered > 0 && answered < 500, "\(answered) answered before the kill")
        // After a restart (or any reader), every acknowledged change is there.
        try fixture.start()
        let list = try fixture.list()
        for index in 0..<500 where acknowledged[index] {
            #expect(list.first { $0.id == "k\(index + 1)" }?.status == .unsubscribed)
        }
    }
}
