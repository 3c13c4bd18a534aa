import Foundation

/// Retries of connection failures, `429` and `5xx`: exponential backoff with jitter,
/// honouring `Retry-After`, bounded both in attempts and in total time.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first one included; 1 disables retries.
    public var maxAttempts: Int = 3
    /// Delay before the first retry, in seconds; doubled for each further one.
    public var baseDelay: Double = 1
    /// Longest wait before one retry; a `Retry-After` beyond it is not waited for.
    public var maxDelay: Double = 30
    /// Longest time from the first attempt's start to the last retry's start.
    public var maxTotalTime: Double = 60

    public init(maxAttempts: Int = 3, baseDelay: Double = 1, maxDelay: Double = 30, maxTotalTime: Double = 60) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
    }

    /// The wait before attempt `attempt + 1`, or `nil` when no retry may happen.
    /// - Parameters:
    ///   - attempt: the number of the attempt that just failed (1 for the first).
    ///   - retryAfter: the server's `Retry-After`, in seconds, if it sent one.
    ///   - elapsed: seconds since the first attempt started.
    ///   - random: a value in `0...1` for the jitter.
    func delay(afterAttempt attempt: Int, retryAfter: Double?, elapsed: Double, random: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        let exponential = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        // "Equal jitter": half fixed, half random, so retries spread out but never collapse to zero.
        var wait = exponential / 2 + exponential / 2 * random
        if let retryAfter {
            guard retryAfter <= maxDelay else { return nil }
            wait = max(wait, retryAfter)
        }
        guard elapsed + wait <= maxTotalTime else { return nil }
        return wait
    }
}
