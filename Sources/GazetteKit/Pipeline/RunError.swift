/// Why a run could not start or had to stop before sending.
public enum RunError: Error, CustomStringConvertible {
    case config(ConfigError)
    case locked(RunLock.Failure)
    case state(StateError)
    case render(RenderError)
    case subscribers(SubscriberError)
    case secret(String)

    public var description: String {
        switch self {
        case .config(let error): return error.description
        case .locked(let failure): return failure.description
        case .state(let error): return error.description
        case .render(let error): return error.description
        case .subscribers(let error): return error.description
        case .secret(let message): return message
        }
    }

    /// The documented exit code: 2 for input that needs fixing, 3 when another run holds the lock.
    public var exitCode: Int32 {
        switch self {
        case .locked, .subscribers(.locked): return 3
        default: return 2
        }
    }
}
