/// Why `gazette inbox` could not do its work (a message it cannot understand is not an error: it
/// is reported and left alone).
public enum InboxError: Error, Sendable, CustomStringConvertible {
    /// The mailbox cannot be opened or read.
    case mailbox(String, reason: String)
    /// The state folder or the subscriber file cannot be read or written: try again later.
    case state(String)
    /// Another `gazette inbox` (or a run recording refusals) holds the lock.
    case busy(String)
    /// A request that cannot work (`--delete-processed` with an mbox file).
    case usage(String)

    public var description: String {
        switch self {
        case let .mailbox(name, reason): return "\(name): \(reason)"
        case let .state(text), let .busy(text), let .usage(text): return text
        }
    }

    /// For a message piped by an MTA: a temporary failure (EX_TEMPFAIL) makes it retry later.
    public var isTemporary: Bool {
        switch self {
        case .state, .busy: return true
        case .mailbox, .usage: return false
        }
    }
}
