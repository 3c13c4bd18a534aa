import Foundation

/// Records readers' changes durably with group commit: requests that arrive while a write is in
/// progress wait for the next one, and one write and one fsync cover them all. A request is
/// answered only after its change is on disk.
actor ChangeWriter {
    private let store: SubscriberStore
    private var queue: [(change: SubscriberChange, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    private let io = DispatchQueue(label: "gazette.serve.changes")

    init(store: SubscriberStore) {
        self.store = store
    }

    /// Returns once `change` is durable; throws when it could not be recorded.
    func record(_ change: SubscriberChange) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            queue.append((change, done))
            guard !writing else { return }
            writing = true
            Task { await self.flush() }
        }
    }

    private func flush() async {
        while !queue.isEmpty {
            let batch = queue
            queue = []
            let store = self.store
            let changes = batch.map(\.change)
            let failure: SubscriberError? = await withCheckedContinuation { finished in
                io.async {
                    do throws(SubscriberError) {
                        try store.record(changes)
                        finished.resume(returning: nil)
                    } catch {
                        finished.resume(returning: error)
                    }
                }
            }
            for entry in batch {
                if let failure { entry.done.resume(throwing: failure) } else { entry.done.resume() }
            }
        }
        writing = false
    }
}
