import Foundation
import Testing
@testable import GazetteKit

@Suite struct PreviewTests {
    @Test func previewWritesTheThreeFilesAndChangesNoStateAndSendsNothing() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(DailyRunTests.day1)
        // Give it real state to leave alone: one delivered edition yesterday.
        #expect(try fixture.run(now: "2026-11-28T06:00:00Z").status == 0)
        try fixture.writeFeed([("c1", "Brand new story", "Sun, 29 Nov 2026 05:00:00 GMT")] + DailyRunTests.day1)
        let subscribersBefore = try Data(contentsOf: fixture.root.appendingPathComponent("subscribers.json"))
        let stateBefore = fixture.stateSnapshot()
        let mailBefore = try fixture.smtp.received().count
        let out = fixture.root.appendingPathComponent("preview")

        let preview = try GazetteProcess.run(["preview", "--config", fixture.configURL.path, "--out", out.path,
                                              "--subscriber", "reader2@example.org", "--now", "2026-11-29T06:00:00Z"],
                                             environment: RunFixture.environment)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.split(separator: "\n").map(String.init) == ["digest.html", "digest.txt", "digest.eml"].map { out.appendingPathComponent($0).path })
        let html = try String(contentsOf: out.appendingPathComponent("digest.html"), encoding: .utf8)
        #expect(html.contains("Brand new story") && !html.contains("Harbour bridge reopens"))
        #expect(html.contains("reader2@example.org"))
        let mail = try MailInspector.inspect([out.appendingPathComponent("digest.eml")])[0]
        #expect(mail.header("To") == "Reader 2 <reader2@example.org>")
        #expect(mail.body("text/plain") != nil)

        #expect(fixture.stateSnapshot() == stateBefore)
        #expect(try Data(contentsOf: fixture.root.appendingPathComponent("subscribers.json")) == subscribersBefore)
        #expect(try fixture.smtp.received().count == mailBefore)
        // The run afterwards still sees the story as new: the preview recorded nothing.
        let run = try fixture.run(now: "2026-11-29T06:00:00Z")
        #expect(run.stdout.contains("items: 1"))
    }

    @Test func withNoConfigPreviewUsesTheBundledSamplesOffline() throws {
        // A copy of Samples/ (its state folder is ../out/state, so a fresh copy has no state).
        let directory = try TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent("Samples"),
                                         to: directory.appendingPathComponent("Samples"))
        let out = directory.appendingPathComponent("out")
        let preview = try GazetteProcess.run(["preview", "--out", out.path], environment: ["GAZETTE_CONFIG": ""], directory: directory)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stderr.contains("Samples/gazette.yml"))
        let text = try String(contentsOf: out.appendingPathComponent("digest.txt"), encoding: .utf8)
        #expect(text.contains("Old swing bridge reopens after two years of repairs"))
        #expect(text.contains("Morning ferry delayed by fog"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("digest.eml").path))
    }
}
