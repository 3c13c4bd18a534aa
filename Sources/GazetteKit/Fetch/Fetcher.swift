import Foundation

/// Fetches many URLs at once with libcurl's multi interface.
///
/// Results come back in the order of the URLs given, one per URL; a failing URL becomes a
/// `FetchResult` holding a `FetchError`, never a thrown error, so one bad source cannot fail the batch.
public struct Fetcher: Sendable {
    public var options: FetchOptions

    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
    }

    /// Fetches `urls` concurrently on a thread of its own, leaving Swift's cooperative pool free.
    public func fetch(_ urls: [String]) async -> [FetchResult] {
        let options = self.options
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: TransferEngine(options: options).run(urls))
            }
            thread.name = "gazette.fetch"
            thread.start()
        }
    }

    /// Fetches `urls` concurrently, blocking the calling thread until all are done.
    public func fetchBlocking(_ urls: [String]) -> [FetchResult] {
        TransferEngine(options: options).run(urls)
    }
}
