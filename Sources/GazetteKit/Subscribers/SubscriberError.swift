/// Problems with the subscriber file or a subscriber command, each naming what to fix.
public enum SubscriberError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not valid JSON, or not the documented schema; it is left untouched.
    case malformedFile(path: String, line: Int?, column: Int?, reason: String)
    /// A file written by a newer Gazette.
    case unsupportedVersion(path: String, version: Int)
    case invalidAddress(String, reason: String)
    case duplicate(email: String, existing: String, id: String, status: Subscriber.Status)
    case suppressed(email: String, status: Subscriber.Status)
    case notFound(String)
    case invalidToken
    case missingSecret(variable: String)
    case invalidField(field: String, value: String, reason: String)
    case io(path: String, reason: String)
    /// Another process held the file's lock for longer than the wait allows.
    case locked(path: String, seconds: Double, holder: Int32?)

    public var description: String {
        switch self {
        case .malformedFile(let path, let line, let column, let reason):
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(path)\(position): \(reason) (the file was not changed)"
        case .unsupportedVersion(let path, let version):
            return "\(path): schema version \(version) is newer than this Gazette understands (1)"
        case .invalidAddress(let address, let reason): return "'\(address)' is not a valid address: \(reason)"
        case .duplicate(let email, let existing, let id, let status):
            return "\(email) is already on the list as \(existing) (id \(id), \(status.rawValue))"
        case .suppressed(let email, let status):
            return "\(email) is \(status.rawValue); it stays off the list unless you pass --resubscribe"
        case .notFound(let email): return "no subscriber \(email)"
        case .invalidToken: return "the unsubscribe token is not valid"
        case .missingSecret(let variable): return "environment variable \(variable) (the unsubscribe secret) is not set"
        case .invalidField(let field, let value, let reason): return "\(field) '\(value)': \(reason)"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .locked(let path, let seconds, let holder):
            let who = holder.map { "process \($0)" } ?? "another process"
            return "\(path): \(who) has held the subscriber file's lock for \(Int(seconds)) s; try again when it is done"
        }
    }
}
