/// Why a digest could not be rendered. Raised before anything is sent.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// A template does not parse: where, and what the parser said.
    case template(file: String, line: Int, column: Int, message: String)
    /// A template the digest needs is neither in the override directory nor built in.
    case missingTemplate(String)
    /// The override directory cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .template(file, line, column, message):
            return "\(file):\(line):\(column): template error: \(message)"
        case let .missingTemplate(name):
            return "template \(name).mustache is missing"
        case let .unreadable(path, reason):
            return "\(path): \(reason)"
        }
    }
}
