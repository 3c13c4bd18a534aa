import Foundation

/// Why a delivery stopped handing out messages before the end of the list. None of these is about
/// a recipient: the messages not handed out get no outcome and are sent by the next run.
public enum DeliveryStop: Sendable, Equatable, CustomStringConvertible {
    /// The relay cannot be used as configured (no STARTTLS, login refused, TLS, sender refused).
    case relayConfiguration(String)
    /// The relay failed at the connection level too often in a row (refused, silent, dropped, 4xx login).
    case relayUnavailable(String)
    /// A journal line could not be written: sending more would risk duplicates.
    case journal(String)
    /// A local write (the outbox) failed: a full or read-only disk.
    case localWrite(String)
    /// The delivery phase ran past `delivery.max_minutes`.
    case deadline(minutes: Double)
    /// SIGINT or SIGTERM.
    case signal(Int32)

    public var isSignal: Bool {
        if case .signal = self { return true }
        return false
    }

    /// The exit status of a run that stopped for this reason.
    public var exitCode: Int32 {
        switch self {
        case .relayConfiguration, .journal, .localWrite: return 2
        case .relayUnavailable, .deadline: return 1
        case .signal(let number): return Interruption.exitCode(for: number)
        }
    }

    public var description: String {
        switch self {
        case .relayConfiguration(let reason): return "the relay refused the configured session: \(reason)"
        case .relayUnavailable(let reason): return "the relay is not usable now: \(reason)"
        case .journal(let reason): return "the delivery journal cannot be written: \(reason)"
        case .localWrite(let reason): return "a local write failed: \(reason)"
        case .deadline(let minutes):
            return "delivery took longer than \(minutes.formatted(.number.precision(.fractionLength(0...2)))) minutes (delivery.max_minutes)"
        case .signal(let number): return "stopped by \(Interruption.name(of: number))"
        }
    }

    /// What the operator should do, one sentence.
    public var advice: String {
        switch self {
        case .relayConfiguration: return "fix delivery.smtp in the config (or the relay), then run again: the edition is still open"
        case .relayUnavailable, .deadline, .signal: return "run again later: the edition is still open and only the rest is sent"
        case .journal, .localWrite: return "free space or fix permissions, then run again: the edition is still open"
        }
    }
}
