import Foundation
import Testing
@testable import GazetteKit

@Suite struct DailyRunTests {
    static let day1 = [("a1", "Harbour bridge reopens", "Sun, 29 Nov 2026 05:00:00 GMT"),
                       ("a2", "Ferry timetable changes", "Sat, 28 Nov 2026 18:00:00 GMT"),
                       ("old", "Story from last month", "Thu, 29 Oct 2026 10:00:00 GMT")]

    @Test func aFirstRunDeliversOnePerActiveSubscriberAndASecondRunTheSameDayNothing() throws {
        let fixture = try RunFixture(active: 3)
        try fixture.writeFeed(Self.day1)
        let first = try fixture.run()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("subscribers: 3 delivered, 0 deferred, 0 failed"))
        #expect(try fixture.recipients().sorted() == ["reader1@example.org", "reader2@example.org", "reader3@example.org"])
        let mails = try fixture.received()
        let html = try #require(mails.first { $0.header("To") == "Reader 1 <reader1@example.org>" }?.body("text/html"))
        #expect(html.contains("Harbour bridge reopens") && html.contains("Ferry timetable changes"))
        // Outside the first run's 72-hour window.
        #expect(!html.contains("Story from last month"))
        #expect(mails.first { $0.header("To") == "Reader 3 <reader3@example.org>" }?.type == "text/plain")
        #expect(mails.allSatisfy { $0.header("List-Unsubscribe")?.hasPrefix("<https://test.example.org/u?token=sub") == true })

        let second = try fixture.run(now: "2026-11-29T18:00:00Z")
        #expect(second.status == 0)
        #expect(second.stdout.contains("already delivered"))
        #expect(try fixture.smtp.received().count == 3)
    }

    @Test func theNextDaySendsANewEditionWithOnlyTheNewItems() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(Self.day1)
        #expect(try fixture.run().status == 0)
        try fixture.writeFeed([("b1", "Lighthouse gets a new lamp", "Mon, 30 Nov 2026 05:00:00 GMT")] + Self.day1)
        let next = try fixture.run(now: "2026-11-30T06:00:00Z")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("edition test.example.org/2026-11-30"))
        #expect(next.stdout.contains("items: 1"))
        let mails = try fixture.received()
        #expect(mails.count == 4)
        let latest = mails.filter { $0.header("Subject")?.contains("Lighthouse") == true }
        #expect(latest.count == 2)
        for mail in latest {
            let text = try #require(mail.body("text/plain"))
            #expect(text.contains("Lighthouse gets a new lamp"))
            #expect(!text.contains("Harbour bridge reopens") && !text.contains("Story from last month"))
        }
        // Nothing new the day after: no edition at all.
        let empty = try fixture.run(now: "2026-12-01T06:00:00Z")
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("nothing new"))
        #expect(try fixture.smtp.received().count == 4)
    }

    @Test func theSameStoryInTwoFeedsAppearsOnce() throws {
        let fixture = try RunFixture(active: 1)
        try fixture.writeFeed(Self.day1)
        // A second feed with the same story under another guid but the same link (tracking parameters aside).
        let twin = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Twin</title>
        <item><title>Harbour bridge reopens (twin)</title><link>https://news.example.org/a1?utm_medium=email#top</link>
        <pubDate>Sun, 29 Nov 2026 05:30:00 GMT</pubDate><description>The same story again, told by another feed with enough words.</description></item>
        <item><title>Only in the twin feed</title><link>https://twin.example.org/x</link>
        <pubDate>Sun, 29 Nov 2026 04:00:00 GMT</pubDate><description>A story that only this feed carries, with enough words for a lead.</description></item>
        </channel></rss>
        """
        try twin.write(to: fixture.root.appendingPathComponent("feeds/twin.xml"), atomically: true, encoding: .utf8)
        try fixture.rewriteConfig {
            $0.replacingOccurrences(of: "    section: World\n", with: "    section: World\n  - url: \(fixture.http.url("/file/feeds/twin.xml"))\n    section: World\n")
        }
        let result = try fixture.run()
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(try fixture.received().first?.body("text/plain"))
        #expect(text.contains("Harbour bridge reopens") && !text.contains("(twin)"))
        #expect(text.contains("Only in the twin feed"))
    }

    @Test func aDeadSourceDoesNotStopTheDigest() throws {
        let dead = "http://127.0.0.1:\(try UnusedPort.make())/feed.xml"
        let fixture = try RunFixture(active: 2, extraSources: [dead])
        try fixture.writeFeed(Self.day1)
        let result = try fixture.run()
        #expect(result.status == 1)
        #expect(result.stdout.contains("sources: 1 ok, 1 failed"))
        #expect(result.stdout.contains("failed source \(dead)"))
        #expect(result.stdout.contains("subscribers: 2 delivered"))
        #expect(try fixture.smtp.received().count == 2)
    }

    @Test func aSourceFailingRunAfterRunIsNamedInTheFooterWhenAsked() throws {
        let dead = "http://127.0.0.1:\(try UnusedPort.make())/feed.xml"
        let fixture = try RunFixture(active: 1, extraSources: [dead])
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig { $0 + "\nfooter:\n  report_failing_sources: true\n  failing_after_runs: 2\n" }
        #expect(try fixture.run(now: "2026-11-28T06:00:00Z").status == 1)
        var text = try #require(try fixture.received().first?.body("text/plain"))
        #expect(!text.contains("have failed on several runs"))
        try fixture.writeFeed([("n1", "Second day story", "Sun, 29 Nov 2026 05:00:00 GMT")] + Self.day1)
        #expect(try fixture.run().status == 1)
        text = try #require(try fixture.received().last?.body("text/plain"))
        #expect(text.contains("Second day story"))
        #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("these sources have failed on several runs in a row: \(dead)"))
    }

    @Test func aRunKilledMidDeliveryAndRunAgainSendsEachSubscriberExactlyOnce() throws {
        let stall = try TestPaths.temporaryDirectory().appendingPathComponent("stall")
        try Data().write(to: stall)
        let fixture = try RunFixture(active: 8, smtpOptions: ["--stall-after", "3", "--stall-file", stall.path], smtpConcurrency: 2)
        try fixture.writeFeed(Self.day1)
        let process = Process()
        process.executableURL = TestPaths.gazette
        process.arguments = ["run", "--config", fixture.configURL.path, "--now", "2026-11-29T06:00:00Z"]
        process.environment = ProcessInfo.processInfo.environment.merging(RunFixture.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until three messages are in and the next ones are held by the server, then kill.
        let deadline = Date().addingTimeInterval(30)
        let journal = fixture.stateURL.appendingPathComponent("editions/test.example.org_2026-11-29.jsonl")
        while Date() < deadline {
            let inFlight = ((try? String(contentsOf: journal, encoding: .utf8)) ?? "").components(separatedBy: "\"sending\"").count - 1
            if try fixture.smtp.received().count >= 3, inFlight >= 5 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let before = try fixture.recipients()
        #expect(before.count == 3)
        try FileManager.default.removeItem(at: stall)
        Thread.sleep(forTimeInterval: 0.2)

        let again = try fixture.run(now: "2026-11-29T06:05:00Z")
        #expect(again.status == 0, "\(again.stderr)\n\(again.stdout)")
        #expect(again.stdout.contains("resuming edition"))
        #expect(again.stdout.contains("sources: not fetched"))
        #expect(again.stdout.contains("5 delivered") && again.stdout.contains("3 already done earlier"))
        let all = try fixture.recipients()
        #expect(all.count == 8)
        #expect(Set(all) == Set((1...8).map { "reader\($0)@example.org" }))
        // The resumed messages carry the same edition content.
        let subjects = Set(try fixture.received().compactMap { $0.header("Subject") })
        #expect(subjects.count == 1)
        // And a third run sends nothing.
        #expect(try fixture.run(now: "2026-11-29T07:00:00Z").stdout.contains("already delivered"))
        #expect(try fixture.smtp.received().count == 8)
    }

    @Test func twoRunsStartedAtOnceDeliverOnce() throws {
        let fixture = try RunFixture(active: 3, feedDelayMs: 800)
        try fixture.writeFeed(Self.day1)
        nonisolated(unsafe) var results: [GazetteProcess?] = [nil, nil]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results[index] = try? fixture.run()
        }
        let statuses = results.compactMap { $0?.status }.sorted()
        #expect(statuses == [0, 3])
        #expect(results.contains { $0?.stderr.contains("another gazette run holds") == true })
        #expect(try fixture.smtp.received().count == 3)
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let fixture = try RunFixture(active: 1)
        try fixture.writeFeed(Self.day1)
        try FileManager.default.createDirectory(at: fixture.stateURL, withIntermediateDirectories: true)
        try "999999\n".write(to: fixture.stateURL.appendingPathComponent("run.lock"), atomically: true, encoding: .utf8)
        let result = try fixture.run()
        #expect(result.status == 0)
        #expect(result.stderr.contains("took over the run lock left by process 999999"))
        #expect(try fixture.smtp.received().count == 1)
    }

    @Test func theStdoutBackendPrintsEachMessage() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(Self.day1)
        try fixture.rewriteConfig { $0.replacingOccurrences(of: "  backend: smtp\n", with: "  backend: stdout\n") }
        let result = try fixture.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "----- message gazette.").count - 1 == 2)
        #expect(result.stdout.contains("To: Reader 1 <reader1@example.org>") && result.stdout.contains("To: Reader 2 <reader2@example.org>"))
        #expect(result.stdout.contains("subscribers: 2 delivered"))
        #expect(try fixture.smtp.received().isEmpty)
    }

    @Test func aDryRunSendsNothingAndChangesNoState() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(Self.day1)
        let dry = try fixture.run(["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("2 would deliver"))
        #expect(try fixture.smtp.received().isEmpty)
        #expect(fixture.stateSnapshot().isEmpty)
    }

    @Test func onlySendsToTheNamedSubscriberAndForceSendsAgain() throws {
        let fixture = try RunFixture(active: 3)
        try fixture.writeFeed(Self.day1)
        #expect(try fixture.run(["--only", "reader2@example.org"]).status == 0)
        #expect(try fixture.recipients() == ["reader2@example.org"])
        #expect(try fixture.run().stdout.contains("2 delivered"))
        #expect(try fixture.smtp.received().count == 3)
        let forced = try fixture.run(["--force"])
        #expect(forced.stdout.contains("3 delivered"))
        #expect(try fixture.smtp.received().count == 6)
    }

    @Test func aRefusedSubscriberIsReportedAndTheRestDelivered() throws {
        let fixture = try RunFixture(active: 3, smtpOptions: ["--reject", "reader2@example.org"])
        try fixture.writeFeed(Self.day1)
        let result = try fixture.run()
        #expect(result.status == 1)
        #expect(result.stdout.contains("2 delivered, 0 deferred, 1 failed"))
        #expect(result.stdout.contains("failed reader2@example.org: 550"))
        let status = try GazetteProcess.run(["status", "--config", fixture.configURL.path])
        #expect(status.stdout.contains("reader2@example.org  failed"))
        #expect(status.stdout.contains("2 delivered, 1 failed"))
        // A failure is final: the edition is complete and the next run sends nothing.
        #expect(try fixture.run(now: "2026-11-29T08:00:00Z").stdout.contains("already delivered"))
    }
}

@Suite struct ArticlePageTests {
    @Test func anItemWithoutASummaryGetsItsLeadAndPageFeedFromTheArticlePage() throws {
        let fixture = try RunFixture(active: 1)
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.fixture("articles/seed-shaped.html"),
                                         to: fixture.root.appendingPathComponent("articles/vote.html"))
        let feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>https://courier.example.org/</link>
        <item><title>Council to vote on ferry subsidy</title><link>\(fixture.http.url("/file/articles/vote.html"))</link>
        <guid>vote</guid><pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate></item>
        </channel></rss>
        """
        try feed.write(to: fixture.root.appendingPathComponent("feeds/world.xml"), atomically: true, encoding: .utf8)
        let result = try fixture.run()
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(try fixture.received().first?.body("text/plain")).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("The harbour council will vote on May 3-4 on whether to keep paying for the island ferry"))
        #expect(text.contains("Lighthouse repairs to finish before summer"))
        #expect(!text.contains("Skip to content") && !text.contains("indicates required"))
    }
}
