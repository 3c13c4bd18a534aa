import Foundation
@testable import GazetteKit

enum DeliveryFixtures {
    /// `count` messages of the sample digest to recipients r1@example.org ... rN@example.org.
    static func messages(_ count: Int, edition: String = "test/2026-11-29") -> [Message] {
        let renderer = DigestRenderer(digest: SampleDigest.digest, templates: try! TemplateSet())
        let builder = MessageBuilder(settings: MessageSettings(fromAddress: "digest@example.org", fromName: "Digest"))
        return (1...count).map { index in
            var recipient = SampleDigest.recipient
            recipient.email = "r\(index)@example.org"
            recipient.name = "Reader \(index)"
            return builder.build(edition: edition, subject: "Digest", date: SampleDigest.edition,
                                 rendered: renderer.render(for: recipient), recipient: recipient, subscriberID: "s\(index)")
        }
    }

    /// Fast retries for tests.
    static let quickRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, maxTotalTime: 5)
}

/// Records observer calls in order, from any thread.
final class RecordingObserver: DeliveryObserver, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var events: [String] = []

    func willSend(_ message: Message) { lock.withLock { events.append("will \(message.recipient)") } }
    func didSend(_ result: DeliveryResult) { lock.withLock { events.append("did \(result.recipient) \(result.outcome.name)") } }
}

/// An observer whose writes fail after `allowedWrites` (a journal on a full disk).
final class FailingObserver: DeliveryObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var writes = 0
    let allowedWrites: Int

    init(allowedWrites: Int) { self.allowedWrites = allowedWrites }

    private func write() throws(StateError) {
        let allowed = lock.withLock { () -> Bool in
            writes += 1
            return writes <= allowedWrites
        }
        if !allowed { throw StateError(path: "journal", message: "No space left on device") }
    }

    func willSend(_ message: Message) throws(StateError) { try write() }
    func didSend(_ result: DeliveryResult) throws(StateError) { try write() }
}
