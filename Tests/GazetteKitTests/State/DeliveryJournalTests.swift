import Foundation
import Testing
@testable import GazetteKit

@Suite struct DeliveryJournalTests {
    func message(_ id: String) -> Message {
        Message(id: "m-\(id)", envelopeFrom: "d@x.org", recipient: "\(id)@x.org", subscriberID: id, bytes: [])
    }

    @Test func everyForcedRunKeepsTheJournalItReplaced() throws {
        let state = try TestPaths.temporaryDirectory().path
        var archived: [String] = []
        for run in 0..<3 {  // three --force runs, most likely within one second
            let journal = DeliveryJournal(stateDirectory: state, edition: "list.example.org/2026-11-29")
            try journal.append(DeliveryJournal.Entry(event: "start", time: Date(timeIntervalSince1970: Double(run)), edition: journal.edition))
            journal.archive()
            #expect(!journal.exists)
            archived = try FileManager.default.contentsOfDirectory(atPath: state + "/editions").filter { $0.contains(".forced-") }
        }
        #expect(archived.count == 3)
    }

    @Test func theLastWordOnEachSubscriberWinsAndATornLineIsSkipped() throws {
        let state = try TestPaths.temporaryDirectory().path
        let journal = DeliveryJournal(stateDirectory: state, edition: "list.example.org/2026-11-29")
        #expect(journal.path.hasSuffix("editions/list.example.org_2026-11-29.jsonl"))
        try journal.append(DeliveryJournal.Entry(event: "start", time: Date(), edition: journal.edition))
        try journal.willSend(message("a"))
        try journal.didSend(DeliveryResult(message: message("a"), outcome: .deferred("451 later"), attempts: 3))
        try journal.willSend(message("a"))
        try journal.didSend(DeliveryResult(message: message("a"), outcome: .delivered("250 ok"), attempts: 1))
        try journal.willSend(message("b"))
        try journal.willSend(message("c"))
        try journal.didSend(DeliveryResult(message: message("c"), outcome: .failed("550 no"), attempts: 1))
        // A run killed in the middle of writing a line.
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":\"result\",\"subscr".utf8))
        try handle.close()

        let reread = DeliveryJournal(stateDirectory: state, edition: "list.example.org/2026-11-29")
        let states = reread.states()
        #expect(states["a"] == .delivered("250 ok"))
        #expect(states["b"] == .inFlight)
        #expect(states["c"] == .failed("550 no"))
        #expect(states["a"]!.isFinal && !states["b"]!.isFinal && states["c"]!.isFinal)
        #expect(!reread.isComplete)
        #expect(reread.entries().count == 8)
        #expect(reread.finishedSubscribers() == ["a", "c"])
        // The next run's first line starts on a line of its own, after the torn one.
        try reread.willSend(message("b"))
        try reread.didSend(DeliveryResult(message: message("b"), outcome: .delivered("250 ok"), attempts: 1))
        let third = DeliveryJournal(stateDirectory: state, edition: "list.example.org/2026-11-29")
        #expect(third.entries().count == 10)
        #expect(third.finishedSubscribers() == ["a", "b", "c"])
    }

    @Test func aMissingOrDamagedSnapshotIsAnErrorNotAnEmptyDigest() throws {
        let state = try TestPaths.temporaryDirectory().path
        let journal = DeliveryJournal(stateDirectory: state, edition: "e/2")
        #expect(throws: StateError.self) { _ = try journal.loadDigest() }
        try journal.saveDigest(SampleDigest.digest)
        #expect(try journal.loadDigest() == SampleDigest.digest)
        try Data("{\"title\":".utf8).write(to: URL(fileURLWithPath: journal.digestPath))
        #expect { _ = try journal.loadDigest() } throws: { ($0 as? StateError)?.message.contains("--force") == true }
    }

    @Test func aClosedEditionIsRecognisedFromItsLastLine() throws {
        let state = try TestPaths.temporaryDirectory().path
        let journal = DeliveryJournal(stateDirectory: state, edition: "e/1")
        for index in 0..<200 { try journal.willSend(message("s\(index)")) }
        #expect(!journal.isComplete)
        try journal.append(DeliveryJournal.Entry(event: "complete", time: Date()), sync: true)
        #expect(DeliveryJournal(stateDirectory: state, edition: "e/1").isComplete)
    }
}
