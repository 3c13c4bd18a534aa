import Foundation
import Testing
@testable import GazetteKit

@Suite struct OutboxDeliveryTests {
    @Test func writesOneFilePerMessageNamedByItsMessageID() throws {
        let directory = try TestPaths.temporaryDirectory().appendingPathComponent("outbox")
        let messages = DeliveryFixtures.messages(3)
        let results = OutboxDelivery(directory: directory.path, concurrency: 3).deliver(messages, observer: nil)
        #expect(results.allSatisfy { $0.outcome.isDelivered })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == messages.map(OutboxDelivery.fileName(for:)).sorted())
        #expect(try Data(contentsOf: directory.appendingPathComponent(files[0])) == Data(messages.first { OutboxDelivery.fileName(for: $0) == files[0] }!.bytes))
        // The same edition again replaces the files rather than adding more.
        _ = OutboxDelivery(directory: directory.path).deliver(DeliveryFixtures.messages(3), observer: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 3)
    }

    @Test func anUnwritableOutboxFailsEachMessageWithTheReason() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("not-a-dir")
        try Data("x".utf8).write(to: file)
        let results = OutboxDelivery(directory: file.path).deliver(DeliveryFixtures.messages(2), observer: nil)
        #expect(results.allSatisfy { $0.outcome.name == "failed" && $0.outcome.detail.contains(file.path) })
    }
}
