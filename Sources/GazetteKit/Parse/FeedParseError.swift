/// Why a feed could not be read at all. Partial documents are not errors: they yield what was recovered.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Entity declarations that would expand past the limit (a "billion laughs" document).
    case entityExpansionLimit(source: String, limit: Int)
    /// A declared encoding that neither libxml2 nor iconv knows.
    case unknownEncoding(source: String, encoding: String)
    /// JSON that is not a JSON Feed, with the position of the problem when known.
    case invalidJSON(source: String, reason: String)

    public var description: String {
        switch self {
        case .entityExpansionLimit(let source, let limit):
            "\(source): entity declarations expand past \(limit) bytes; refusing to parse (billion-laughs protection)"
        case .unknownEncoding(let source, let encoding): "\(source): unknown character encoding '\(encoding)'"
        case .invalidJSON(let source, let reason): "\(source): not a JSON Feed: \(reason)"
        }
    }
}
