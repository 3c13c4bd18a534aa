import Foundation
import Testing
@testable import GazetteKit

@Suite struct SMTPDeliveryTests {
    func settings(_ server: SMTPTestServer, concurrency: Int = 4) -> SMTPSettings {
        SMTPSettings(url: server.url, startTLS: .off, concurrency: concurrency, timeout: 10, retry: DeliveryFixtures.quickRetry)
    }

    @Test func everyMessageArrivesIntactWithItsEnvelope() throws {
        let server = try SMTPTestServer()
        let messages = DeliveryFixtures.messages(6)
        let observer = RecordingObserver()
        let results = SMTPDelivery(settings: settings(server, concurrency: 3)).deliver(messages, observer: observer)
        #expect(results.map(\.outcome.name) == Array(repeating: "delivered", count: 6))
        #expect(results.allSatisfy { $0.outcome.detail.hasPrefix("250") })
        let received = try server.received()
        #expect(received.count == 6)
        let mails = try MailInspector.inspect(received)
        #expect(Set(mails.compactMap { $0.header("To") }) == Set((1...6).map { "Reader \($0) <r\($0)@example.org>" }))
        #expect(mails.allSatisfy { $0.defects.isEmpty && $0.type == "multipart/alternative" })
        for file in received {
            let envelope = try server.envelope(of: file)
            #expect(envelope["mail_from"] as? String == "digest@example.org")
            let bytes = try Data(contentsOf: file)
            // What arrived is byte for byte what was built (dot-stuffing undone by the server).
            let rcpt = (envelope["rcpt_tos"] as? [String])?.first
            #expect(messages.first { $0.recipient == rcpt }.map { Data($0.bytes) == bytes } == true)
        }
        // Three threads, three connections, each reused for its share of the six messages.
        #expect(server.connections() == 3)
        #expect(observer.events.filter { $0.hasPrefix("will") }.count == 6)
        #expect(observer.events.filter { $0.hasPrefix("did") }.count == 6)
    }

    @Test func authWithTheRightPasswordSucceedsAndAWrongOneStopsTheDeliveryWithNoFinalOutcome() throws {
        let server = try SMTPTestServer(["--auth", "gazette:s3cret"])
        var good = settings(server)
        good.username = "gazette"
        good.password = "s3cret"
        let results = SMTPDelivery(settings: good).deliver(DeliveryFixtures.messages(2), observer: nil)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let envelopes = try server.received().map { try server.envelope(of: $0) }
        #expect(envelopes.allSatisfy { $0["auth"] as? Bool == true })

        // 535: the credentials need fixing. Nobody is refused for it; nothing more is tried.
        var bad = good
        bad.password = "wrong"
        bad.concurrency = 1
        let control = DeliveryControl()
        let refused = SMTPDelivery(settings: bad).deliver(DeliveryFixtures.messages(5), observer: nil, control: control)
        #expect(refused.count == 1)
        #expect(refused.allSatisfy { $0.outcome.name == "deferred" && $0.outcome.detail.contains("login refused") && $0.attempts == 1 })
        guard case .relayConfiguration(let reason)? = control.stopReason else { Issue.record("not stopped: \(String(describing: control.stopReason))"); return }
        #expect(reason.contains("535"))
        #expect(control.stopReason?.exitCode == 2)
        #expect(try server.received().count == 2)
    }

    @Test func aTemporaryLoginFailureIsRetriedThenTripsTheBreakerAsTemporary() throws {
        let server = try SMTPTestServer(["--auth", "gazette:s3cret", "--auth-reply", "454 4.7.0 Temporary authentication failure"])
        var settings = settings(server, concurrency: 2)
        settings.username = "gazette"
        settings.password = "s3cret"
        let control = DeliveryControl(breakerThreshold: 4)
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(10), observer: nil, control: control)
        #expect(results.count < 10)
        #expect(results.allSatisfy { $0.outcome.name == "deferred" && $0.outcome.detail.contains("454") })
        guard case .relayUnavailable(let reason)? = control.stopReason else { Issue.record("not stopped: \(String(describing: control.stopReason))"); return }
        #expect(reason.contains("4 connection-level failures in a row"))
        #expect(control.stopReason?.exitCode == 1)
        #expect(try server.received().isEmpty)
    }

    @Test func aRelayWithoutSTARTTLSIsAConfigurationProblemWhenTLSIsRequired() throws {
        let server = try SMTPTestServer()
        var settings = settings(server, concurrency: 2)
        settings.startTLS = .required
        let control = DeliveryControl()
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(6), observer: nil, control: control)
        #expect(results.count <= 2)
        #expect(results.allSatisfy { $0.outcome.name == "deferred" && $0.outcome.detail.contains("STARTTLS") })
        guard case .relayConfiguration? = control.stopReason else { Issue.record("not stopped: \(String(describing: control.stopReason))"); return }
        #expect(try server.received().isEmpty)
    }

    @Test func aRelayThatNeverGreetsTripsTheBreakerInsteadOfHoldingTheRun() throws {
        let server = try SMTPTestServer(["--silent"])
        var settings = settings(server, concurrency: 4)
        settings.timeout = 1
        let control = DeliveryControl(breakerThreshold: 4)
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(20), observer: nil, control: control)
        // Four threads, one connection each, then the breaker: no retries of 20 messages x 3 attempts.
        #expect(results.count <= 4)
        #expect(server.connections() <= 8)
        #expect(results.allSatisfy { $0.outcome.name == "deferred" })
        guard case .relayUnavailable? = control.stopReason else { Issue.record("not stopped: \(String(describing: control.stopReason))"); return }
    }

    @Test func aJournalThatCannotRecordStopsTheDeliveryBeforeTheNextMessage() throws {
        let server = try SMTPTestServer()
        let observer = FailingObserver(allowedWrites: 5)
        let control = DeliveryControl()
        let results = SMTPDelivery(settings: settings(server, concurrency: 1)).deliver(DeliveryFixtures.messages(6), observer: observer, control: control)
        // will a, did a, will b, did b, will c, (did c fails): c was sent, nothing after it.
        #expect(results.count == 3)
        #expect(try server.received().count == 3)
        guard case .journal? = control.stopReason else { Issue.record("not stopped: \(String(describing: control.stopReason))"); return }
        #expect(control.stopReason?.exitCode == 2)
    }

    @Test func aTemporaryFailureIsRetriedAndThenAccepted() throws {
        let server = try SMTPTestServer(["--tempfail", "1"])
        let results = SMTPDelivery(settings: settings(server, concurrency: 1)).deliver(DeliveryFixtures.messages(1), observer: nil)
        #expect(results[0].outcome.isDelivered)
        #expect(results[0].attempts == 2)
        #expect(try server.received().count == 1)
    }

    @Test func temporaryFailuresThatOutlastTheRetriesEndDeferred() throws {
        let server = try SMTPTestServer(["--tempfail", "10"])
        let results = SMTPDelivery(settings: settings(server, concurrency: 1)).deliver(DeliveryFixtures.messages(1), observer: nil)
        #expect(results[0].outcome == .deferred("451 4.3.0 try again later"))
        #expect(results[0].attempts == 3)
    }

    @Test func aPermanentRefusalFailsThatSubscriberOnlyAndTheRunGoesOn() throws {
        let server = try SMTPTestServer(["--reject", "r2@example.org"])
        let results = SMTPDelivery(settings: settings(server, concurrency: 1)).deliver(DeliveryFixtures.messages(3), observer: nil)
        #expect(results.map(\.outcome.name) == ["delivered", "failed", "delivered"])
        #expect(results[1].outcome.detail.hasPrefix("550 5.1.1"))
        #expect(results[1].attempts == 1)
        #expect(try server.received().count == 2)
    }

    @Test func aConnectionDroppedMidDataIsRetriedOnANewConnection() throws {
        let server = try SMTPTestServer(["--drop", "1"])
        let results = SMTPDelivery(settings: settings(server, concurrency: 1)).deliver(DeliveryFixtures.messages(2), observer: nil)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        #expect(results[0].attempts == 2)
        #expect(try server.received().count == 2)
    }

    @Test func nothingListeningIsDeferredNotFailed() throws {
        let port = try UnusedPort.make()
        let settings = SMTPSettings(url: "smtp://127.0.0.1:\(port)", startTLS: .off, timeout: 2,
                                    retry: RetryPolicy(maxAttempts: 1))
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(1), observer: nil)
        #expect(results[0].outcome.name == "deferred")
    }

    @Test func startTLSWithATrustedSelfSignedCertificate() throws {
        let server = try SMTPTestServer(["--require-tls"], tls: true)
        var trusted = settings(server)
        trusted.url = "smtp://localhost:\(server.port)"
        trusted.startTLS = .required
        trusted.caFile = server.certificate
        let results = SMTPDelivery(settings: trusted).deliver(DeliveryFixtures.messages(2), observer: nil)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let envelopes = try server.received().map { try server.envelope(of: $0) }
        #expect(envelopes.count == 2 && envelopes.allSatisfy { $0["tls"] as? Bool == true })

        var untrusted = trusted
        untrusted.caFile = nil
        let control = DeliveryControl()
        let refused = SMTPDelivery(settings: untrusted).deliver(DeliveryFixtures.messages(1), observer: nil, control: control)
        #expect(refused[0].outcome.name == "deferred")
        #expect(refused[0].outcome.detail.hasPrefix("TLS"))
        #expect(control.stopReason?.exitCode == 2)

        var unchecked = untrusted
        unchecked.verifyCertificate = false
        #expect(SMTPDelivery(settings: unchecked).deliver(DeliveryFixtures.messages(1), observer: nil)[0].outcome.isDelivered)
    }

    @Test func smtpsIsTLSFromTheFirstByte() throws {
        let server = try SMTPTestServer(["--implicit-tls"], tls: true)
        var settings = settings(server)
        settings.url = "smtps://localhost:\(server.port)"
        settings.caFile = server.certificate
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(2), observer: nil)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let envelopes = try server.received().map { try server.envelope(of: $0) }
        #expect(envelopes.count == 2 && envelopes.allSatisfy { $0["tls"] as? Bool == true })
        // Plain SMTP to a TLS port gets no greeting it understands: not delivered.
        var plain = settings
        plain.url = "smtp://localhost:\(server.port)"
        plain.startTLS = .off
        plain.timeout = 3
        plain.retry = RetryPolicy(maxAttempts: 1)
        #expect(!SMTPDelivery(settings: plain).deliver(DeliveryFixtures.messages(1), observer: nil)[0].outcome.isDelivered)
    }

    @Test func aMessageThatOutlastsItsTimeoutIsDeferred() throws {
        let stall = try TestPaths.temporaryDirectory().appendingPathComponent("stall")
        try Data().write(to: stall)
        defer { try? FileManager.default.removeItem(at: stall) }
        let server = try SMTPTestServer(["--stall-after", "0", "--stall-file", stall.path])
        var settings = settings(server, concurrency: 1)
        settings.timeout = 1.5
        settings.retry = RetryPolicy(maxAttempts: 1)
        let started = Date()
        let results = SMTPDelivery(settings: settings).deliver(DeliveryFixtures.messages(1), observer: nil)
        #expect(results[0].outcome.name == "deferred")
        let detail = results[0].outcome.detail.lowercased()
        #expect(detail.contains("timed out") || detail.contains("timeout"))
        #expect(Date().timeIntervalSince(started) < 10)
        try FileManager.default.removeItem(at: stall)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try server.received().isEmpty)
    }
}
