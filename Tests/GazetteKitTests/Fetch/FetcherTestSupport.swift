@testable import GazetteKit

extension FetchOptions {
    /// Defaults with retries that wait milliseconds, not seconds.
    static func forTests(attempts: Int = 3) -> FetchOptions {
        var options = FetchOptions()
        options.retry = RetryPolicy(maxAttempts: attempts, baseDelay: 0.02, maxDelay: 5, maxTotalTime: 10)
        return options
    }
}

extension FetchResult {
    var bodyText: String? { response.map { String(decoding: $0.body, as: UTF8.self) } }
}
