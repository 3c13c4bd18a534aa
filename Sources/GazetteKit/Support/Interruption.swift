import Foundation

/// A request to stop early (SIGINT or SIGTERM), shared between the signal handler and the run.
/// The first request wins; later ones are ignored here (the command exits at once on a second one).
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var signalNumber: Int32?
    private var requestedAt: Date?

    public init() {}

    /// Records the request; returns false when one was already recorded.
    @discardableResult
    public func request(signal: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard signalNumber == nil else { return false }
        signalNumber = signal
        requestedAt = Date()
        return true
    }

    /// The signal that asked to stop, if any.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return signalNumber
    }

    /// When the stop was asked for.
    public var time: Date? {
        lock.lock()
        defer { lock.unlock() }
        return requestedAt
    }

    /// The conventional exit status for a process ended by `signal`: 128 + its number.
    public static func exitCode(for signal: Int32) -> Int32 { 128 + signal }

    /// `SIGINT`, `SIGTERM` or `signal N`.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
