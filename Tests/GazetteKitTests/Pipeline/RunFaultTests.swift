import Foundation
import Testing
@testable import GazetteKit

/// Faults injected for real: a relay that refuses TLS or logins or never answers, a full disk
/// under the state folder or the outbox, a damaged snapshot, signals. Each ends with every active
/// subscriber holding exactly one message (or, after a kill, copies with the same Message-ID).
@Suite struct RunFaultTests {
    static let day1 = DailyRunTests.day1

    /// Every accepted message's recipient and Message-ID.
    func deliveries(_ fixture: RunFixture) throws -> [(to: String, id: String)] {
        try fixture.received().map { ($0.header("To") ?? "", $0.header("Message-ID") ?? "") }
    }

    func expectExactlyOnce(_ fixture: RunFixture, active: Int, allowingResends: Int = 0) throws {
        let received = try deliveries(fixture)
        let byRecipient = Dictionary(grouping: received, by: \.to)
        #expect(byRecipient.count == active)
        let extra = received.count - active
        #expect(extra >= 0 && extra <= allowingResends, "\(extra) duplicates")
        // A duplicate is the same message again (same Message-ID), never a second edition.
        #expect(byRecipient.values.allSatisfy { Set($0.map(\.id)).count == 1 })
    }

    @Test func aRelayWithoutSTARTTLSLeavesTheEditionOpenAndTheFixedRunDeliversOnce() throws {
        let fixture = try RunFixture(active: 4)
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig { $0.replacingOccurrences(of: "starttls: \"off\"", with: "starttls: required") }
        let broken = try fixture.run()
        #expect(broken.status == 2, "\(broken.stdout)\(broken.stderr)")
        #expect(broken.stdout.contains("STARTTLS"))
        #expect(broken.stdout.contains("fix delivery.smtp"))
        #expect(fixture.journalCount("result", outcome: "failed") == 0)
        #expect(fixture.journalCount("complete") == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.stateURL.appendingPathComponent("seen.json").path))
        let status = try GazetteProcess.run(["status", "--config", fixture.configURL.path])
        #expect(status.stdout.contains("open"))
        #expect(!status.stdout.contains(" failed "))

        try fixture.rewriteConfig { $0.replacingOccurrences(of: "starttls: required", with: "starttls: \"off\"") }
        let fixed = try fixture.run(now: "2026-11-29T07:00:00Z")
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("resuming edition"))
        try expectExactlyOnce(fixture, active: 4)
        #expect(try fixture.run(now: "2026-11-29T08:00:00Z").stdout.contains("already delivered"))
    }

    @Test(arguments: [("535 5.7.8 Authentication credentials invalid", Int32(2)), ("454 4.7.0 Temporary authentication failure", Int32(1))])
    func aRefusedLoginIsAFailureOfTheRunNotOfTheSubscribers(reply: String, exitCode: Int32) throws {
        let fixture = try RunFixture(active: 3, smtpOptions: ["--auth", "gazette:s3cret", "--auth-reply", reply])
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig {
            $0.replacingOccurrences(of: "    concurrency: 2\n", with: "    concurrency: 2\n    username: gazette\n    password_env: TEST_SMTP_PASSWORD\n")
                .replacingOccurrences(of: "  backend: smtp\n", with: "  backend: smtp\n  stop_after_failures: 2\n")
        }
        let run = try fixture.run(environment: ["TEST_SMTP_PASSWORD": "s3cret"])
        #expect(run.status == exitCode, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(String(reply.prefix(3))))
        #expect(run.stdout.contains("stopped:"))
        #expect(fixture.journalCount("result", outcome: "failed") == 0)
        #expect(fixture.journalCount("complete") == 0)
        #expect(try fixture.smtp.received().isEmpty)
    }

    @Test func aRelayThatNeverGreetsIsCutShortByTheBreaker() throws {
        let fixture = try RunFixture(active: 20, smtpOptions: ["--silent"], smtpConcurrency: 4)
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig {
            $0.replacingOccurrences(of: "    timeout: 20\n", with: "    timeout: 2\n")
                .replacingOccurrences(of: "  backend: smtp\n", with: "  backend: smtp\n  stop_after_failures: 4\n")
        }
        let started = Date()
        let run = try fixture.run()
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("connection-level failures in a row"))
        #expect(run.stdout.contains("not sent yet"))
        // Four connections time out once each; nothing like 20 subscribers x 3 attempts.
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(fixture.smtp.connections() <= 8)
        #expect(fixture.journalCount("complete") == 0)
    }

    @Test(.enabled(if: SmallDisk.isAvailable, SmallDisk.skipReason))
    func aStateFolderThatFillsStopsTheRunAndTheRerunSendsOnlyWhatWasInFlight() throws {
        let disk = try SmallDisk(kilobytes: 48)
        let fixture = try RunFixture(active: 300, smtpConcurrency: 2)
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig { $0.replacingOccurrences(of: "state_dir: state", with: "state_dir: \(disk.url.path)") }
        let full = try fixture.run()
        #expect(full.status == 2, "\(full.stdout)\(full.stderr)")
        #expect(full.stdout.contains("journal cannot be written"))
        #expect(full.stdout.contains("No space left on device"))
        let firstBatch = try fixture.smtp.received().count
        #expect(firstBatch > 0 && firstBatch < 300)

        try disk.grow(kilobytes: 4096)
        let journal = disk.url.appendingPathComponent("editions/test.example.org_2026-11-29.jsonl")
        let rerun = try fixture.run(now: "2026-11-29T07:00:00Z")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        // At most the messages in flight (two connections) are sent again, with the same Message-ID.
        try expectExactlyOnce(fixture, active: 300, allowingResends: 2)
        let text = try String(contentsOf: journal, encoding: .utf8)
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        #expect(text.split(separator: "\n").last?.contains("\"event\":\"complete\"") == true)  // closed, and last
    }

    @Test(.enabled(if: SmallDisk.isAvailable, SmallDisk.skipReason))
    func aFullOutboxDefersInsteadOfFailingAndTheRerunFinishes() throws {
        let disk = try SmallDisk(kilobytes: 96)
        let fixture = try RunFixture(active: 40)
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig {
            $0.replacingOccurrences(of: "  backend: smtp\n", with: "  backend: outbox\n  outbox: \(disk.url.path)\n")
        }
        let full = try fixture.run()
        #expect(full.status == 2, "\(full.stdout)\(full.stderr)")
        #expect(full.stdout.contains("No space left on device"))
        #expect(full.stdout.contains("a local write failed"))
        #expect(fixture.journalCount("result", outcome: "failed") == 0)
        #expect(fixture.journalCount("result", outcome: "deferred") >= 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: disk.url.path).filter { $0.hasSuffix(".eml") }.count
        #expect(written > 0 && written < 40)

        try disk.grow(kilobytes: 8192)
        let rerun = try fixture.run(now: "2026-11-29T07:00:00Z")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: disk.url.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 40)
        #expect(fixture.journalCount("result", outcome: "delivered") == 40)
    }

    @Test func aDamagedSnapshotStopsTheRunUntilForceRebuildsIt() throws {
        let fixture = try RunFixture(active: 3)
        try fixture.writeFeed(Self.day1)
        // Only one subscriber now: the edition stays open for the others.
        #expect(try fixture.run(["--only", "reader1@example.org"]).status == 0)
        let snapshot = fixture.stateURL.appendingPathComponent("editions/test.example.org_2026-11-29.digest.json")
        try Data("{\"title\": \"Test Dig".utf8).write(to: snapshot)
        try fixture.writeFeed([("z9", "A different story", "Sun, 29 Nov 2026 05:30:00 GMT")] + Self.day1)
        let stopped = try fixture.run(now: "2026-11-29T07:00:00Z")
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("digest.json: is damaged"))
        #expect(stopped.stderr.contains("--force"))
        #expect(try fixture.smtp.received().count == 1)

        let forced = try fixture.run(["--force"], now: "2026-11-29T07:10:00Z")
        #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
        #expect(try fixture.smtp.received().count == 4)
    }

    @Test func sigtermFinishesTheMessagesInFlightRecordsThemAndSummarises() throws {
        let stall = try TestPaths.temporaryDirectory().appendingPathComponent("stall")
        try Data().write(to: stall)
        let fixture = try RunFixture(active: 8, smtpOptions: ["--stall-after", "3", "--stall-file", stall.path], smtpConcurrency: 2)
        try fixture.writeFeed(Self.day1)
        let output = try TestPaths.temporaryDirectory().appendingPathComponent("stdout")
        let process = try fixture.start(output: output)
        try waitUntil { try fixture.smtp.received().count >= 3 && fixture.journalCount("sending") >= 5 }
        kill(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.5)
        try FileManager.default.removeItem(at: stall)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let summary = try String(contentsOf: output, encoding: .utf8)
        #expect(summary.contains("stopped by SIGTERM"))
        #expect(summary.contains("5 delivered"))
        #expect(summary.contains("3 not sent yet"))
        // The two in flight were finished and recorded: nothing is left "sending".
        #expect(fixture.journalCount("result", outcome: "delivered") == 5)
        #expect(fixture.journalCount("complete") == 0)

        let rerun = try fixture.run(now: "2026-11-29T06:30:00Z")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(rerun.stdout.contains("3 delivered"))
        try expectExactlyOnce(fixture, active: 8)
    }

    @Test func aSecondSignalExitsAtOnceAndTheRerunResendsOnlyWhatWasInFlight() throws {
        let stall = try TestPaths.temporaryDirectory().appendingPathComponent("stall")
        try Data().write(to: stall)
        let fixture = try RunFixture(active: 6, smtpOptions: ["--stall-after", "2", "--stall-file", stall.path], smtpConcurrency: 2)
        try fixture.writeFeed(Self.day1)
        let process = try fixture.start()
        try waitUntil { try fixture.smtp.received().count >= 2 && fixture.journalCount("sending") >= 4 }
        kill(process.processIdentifier, SIGINT)
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        try FileManager.default.removeItem(at: stall)
        Thread.sleep(forTimeInterval: 0.3)

        let rerun = try fixture.run(now: "2026-11-29T06:30:00Z")
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        try expectExactlyOnce(fixture, active: 6, allowingResends: 2)
    }

    @Test func aMissingSeenFileStopsTheNextEditionUnlessResetIsAsked() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(Self.day1)
        #expect(try fixture.run().status == 0)
        try FileManager.default.removeItem(at: fixture.stateURL.appendingPathComponent("seen.json"))
        let stopped = try fixture.run(now: "2026-11-30T06:00:00Z")
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("seen.json: is missing"))
        #expect(stopped.stderr.contains("--reset-seen"))
        #expect(try fixture.smtp.received().count == 2)
        let reset = try fixture.run(["--reset-seen"], now: "2026-11-30T06:00:00Z")
        #expect(reset.status == 0, "\(reset.stdout)\(reset.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.stateURL.appendingPathComponent("seen.json").path))
    }

    @Test func aRunWaitsForTheSubscriberLockOnlySoLongThenNamesTheHolder() throws {
        let fixture = try RunFixture(active: 1)
        try fixture.writeFeed(Self.day1)
        let lockPath = fixture.root.appendingPathComponent("subscribers.json.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        let started = Date()
        let run = try fixture.run(environment: ["GAZETTE_LOCK_WAIT": "1"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("process \(getpid())"))
        #expect(Date().timeIntervalSince(started) < 10)
        flock(fd, LOCK_UN)
        #expect(try fixture.run().status == 0)
    }

    func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting")
    }
}

/// Quieter mistakes: a subject naming a story the reader does not get, a web page where a feed
/// should be.
@Suite struct RunContentTests {
    @Test func theSubjectComesFromTheStoriesThatRecipientGets() throws {
        let fixture = try RunFixture(active: 1)
        try fixture.writeFeed(DailyRunTests.day1)
        let science = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Lab Notes</title><link>https://lab.example.org/</link>
        <item><title>Comet seen over the harbour</title><link>https://lab.example.org/comet</link><guid>comet</guid>
        <pubDate>Sun, 29 Nov 2026 04:00:00 GMT</pubDate><description>A comet was seen over the harbour last night by many of the town's people.</description></item>
        </channel></rss>
        """
        try science.write(to: fixture.root.appendingPathComponent("feeds/science.xml"), atomically: true, encoding: .utf8)
        try fixture.rewriteConfig { $0.replacingOccurrences(of: "    section: World\n",
                                                             with: "    section: World\n  - url: \(fixture.http.url("/file/feeds/science.xml"))\n    section: Science\n") }
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        try fixture.writeSubscribers([Subscriber(id: "all", email: "all@example.org", created: created),
                                      Subscriber(id: "sci", email: "sci@example.org", sections: ["science"], created: created)])
        let run = try fixture.run()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let mails = try fixture.received()
        let all = try #require(mails.first { $0.header("To") == "all@example.org" }?.header("Subject"))
        let sci = try #require(mails.first { $0.header("To") == "sci@example.org" }?.header("Subject"))
        #expect(all == "Test Digest: Harbour bridge reopens (+2 more)")
        #expect(sci == "Test Digest: Comet seen over the harbour")
    }

    @Test func aWebPageWhereAFeedShouldBeIsAFailingSource() throws {
        let fixture = try RunFixture(active: 1)
        try "<!doctype html><html><head><title>Oops</title></head><body><h1>Moved</h1></body></html>"
            .write(to: fixture.root.appendingPathComponent("feeds/world.xml"), atomically: true, encoding: .utf8)
        let run = try fixture.run()
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("sources: 0 ok, 1 failed"))
        #expect(run.stdout.contains("not a feed"))
        #expect(run.stdout.contains("an HTML page"))
        #expect(run.stdout.contains("every source failed"))
        #expect(!run.stdout.contains("nothing new"))
        let health = try String(contentsOf: fixture.stateURL.appendingPathComponent("sources.json"), encoding: .utf8)
        #expect(health.contains("not a feed"))
    }
}
