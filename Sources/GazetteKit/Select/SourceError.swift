/// Why a source gave nothing this run. Reported and recorded in the source's health; the run goes on.
enum SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transfer failed (DNS, connection, timeout, size, scheme...).
    case fetch(FetchError)
    /// The server answered with a status that carries no document.
    case httpStatus(url: String, status: Int)
    /// The document is not a feed (an HTML page at a feed URL, say).
    case notAFeed(url: String, contentType: String?, found: String)
    /// The feed could not be read safely or at all.
    case unreadable(FeedParseError)
    /// An `article` source's page has no article.
    case noArticle(url: String)

    var description: String {
        switch self {
        case .fetch(let error): return error.description
        case .httpStatus(let url, let status): return "\(url): HTTP \(status)"
        case .notAFeed(let url, let contentType, let found):
            return "\(url): not a feed\(contentType.map { " (Content-Type \($0))" } ?? ""): \(found)"
        case .unreadable(let error): return error.description
        case .noArticle(let url): return "\(url): no article found on the page"
        }
    }
}
