import Foundation

/// Shared by a delivery's threads: whether to go on handing out messages. It stops on a signal,
/// past the deadline, on a journal or local write error, at once on a relay configuration
/// problem, and after `breakerThreshold` connection-level failures in a row (a success resets the
/// count): the circuit breaker that keeps a silent or refusing relay from holding the run for hours.
public final class DeliveryControl: @unchecked Sendable {
    private let lock = NSLock()
    private var reason: DeliveryStop?
    private var consecutiveFailures = 0
    private let deadline: Date?
    private let limitMinutes: Double
    private let interruption: Interruption?
    /// How long messages in flight may go on after a signal before they are cut off.
    public let grace: TimeInterval
    /// Connection-level failures in a row that stop the delivery (at least 1).
    public let breakerThreshold: Int

    /// - Parameters:
    ///   - maxMinutes: bound on the whole delivery phase from now; nil for none.
    ///   - breakerThreshold: connection-level failures in a row that stop the delivery.
    public init(maxMinutes: Double? = nil, breakerThreshold: Int = 5, interruption: Interruption? = nil, grace: TimeInterval = 10) {
        self.limitMinutes = maxMinutes ?? 0
        self.deadline = maxMinutes.map { Date().addingTimeInterval($0 * 60) }
        self.breakerThreshold = max(1, breakerThreshold)
        self.interruption = interruption
        self.grace = grace
    }

    /// Why the delivery stopped, or nil while it goes on. Checks the signal and the deadline.
    public var stopReason: DeliveryStop? {
        lock.lock()
        defer { lock.unlock() }
        if reason == nil, let signal = interruption?.signal { reason = .signal(signal) }
        if reason == nil, let deadline, Date() >= deadline { reason = .deadline(minutes: limitMinutes) }
        return reason
    }

    public var isStopped: Bool { stopReason != nil }

    /// Whether a message still in flight should be cut off now (a signal came more than `grace` ago).
    public var abortsInFlight: Bool {
        guard let time = interruption?.time else { return false }
        return Date().timeIntervalSince(time) > grace
    }

    /// Stops handing out messages; the first reason is kept.
    public func stop(_ why: DeliveryStop) {
        lock.lock()
        if reason == nil { reason = why }
        lock.unlock()
    }

    /// A message went through: the relay works.
    public func connectionSucceeded() {
        lock.lock()
        consecutiveFailures = 0
        lock.unlock()
    }

    /// The relay failed below the level of one recipient. A configuration problem stops the
    /// delivery at once; a temporary one when it is the `breakerThreshold`-th in a row.
    public func connectionFailed(_ problem: RelayProblem) {
        lock.lock()
        defer { lock.unlock() }
        if problem.isConfiguration {
            if reason == nil { reason = .relayConfiguration(problem.reason) }
            return
        }
        consecutiveFailures += 1
        if consecutiveFailures >= breakerThreshold, reason == nil {
            reason = .relayUnavailable("\(consecutiveFailures) connection-level failures in a row, the last: \(problem.reason)")
        }
    }
}

/// A failure of the relay session rather than of one recipient: connecting, the greeting, TLS,
/// login, or the envelope sender.
public struct RelayProblem: Sendable, Equatable {
    /// True when it will not go away by itself (a refused login, no STARTTLS, a refused sender).
    public var isConfiguration: Bool
    /// What went wrong, with the relay's reply when there was one.
    public var reason: String

    public init(isConfiguration: Bool, reason: String) {
        self.isConfiguration = isConfiguration
        self.reason = reason
    }
}
