/// Why one URL could not be fetched. Each case names the URL.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a URL libcurl can use.
    case invalidURL(String)
    /// Only `http`, `https` and `file` are fetched.
    case unsupportedScheme(url: String, scheme: String)
    /// The server answered with a status that is not a success (after any retries).
    case httpStatus(url: String, status: Int)
    /// More than the allowed redirects, which is what a redirect loop looks like.
    case tooManyRedirects(url: String, limit: Int)
    /// The body grew past the limit; the transfer was stopped there.
    case bodyTooLarge(url: String, limit: Int)
    /// The connect or total timeout passed.
    case timedOut(url: String, message: String)
    /// Any other failure libcurl reports, with its code and message.
    case transport(url: String, code: Int, message: String)

    /// The URL the error is about.
    public var url: String {
        switch self {
        case .invalidURL(let url): url
        case .unsupportedScheme(let url, _), .httpStatus(let url, _), .tooManyRedirects(let url, _),
             .bodyTooLarge(let url, _), .timedOut(let url, _), .transport(let url, _, _): url
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let url): "\(url): not a valid URL"
        case .unsupportedScheme(let url, let scheme): "\(url): scheme '\(scheme)' is not supported (use http, https or file)"
        case .httpStatus(let url, let status): "\(url): HTTP \(status)"
        case .tooManyRedirects(let url, let limit): "\(url): more than \(limit) redirects (a redirect loop?)"
        case .bodyTooLarge(let url, let limit): "\(url): body larger than \(limit) bytes, transfer stopped"
        case .timedOut(let url, let message): "\(url): timed out: \(message)"
        case .transport(let url, let code, let message): "\(url): \(message) (curl error \(code))"
        }
    }
}
