import Foundation

/// How a batch of URLs is fetched. Every default is what a daily run wants.
public struct FetchOptions: Sendable, Equatable {
    /// Transfers in flight at once, over all hosts.
    public var maxConcurrent: Int = 16
    /// Transfers in flight at once to one host (scheme + host + port).
    public var maxPerHost: Int = 4
    /// Redirects followed before the URL fails.
    public var maxRedirects: Int = 5
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Double = 10
    /// Seconds allowed for one whole attempt, body included.
    public var totalTimeout: Double = 30
    /// Largest body accepted, in bytes; enforced while the body streams in.
    public var maxBodyBytes: Int = 10 * 1024 * 1024
    /// A URL people can visit to learn about this fetcher; appended to the `User-Agent`.
    public var contactURL: String?
    /// Where `ETag`/`Last-Modified` and bodies are kept for conditional GET; `nil` disables it.
    public var cacheDirectory: URL?
    /// Use the cache's validators and bodies but never write it (previews and dry runs change no state).
    public var cacheReadOnly: Bool = false
    /// When and how often a failed attempt is tried again.
    public var retry: RetryPolicy = RetryPolicy()

    public init() {}

    /// The `User-Agent` header sent with every HTTP request.
    public var userAgent: String {
        var agent = "Gazette/\(GazetteVersion.string) (newsletter digest generator; libcurl/\(Curl.version)"
        if let contactURL, !contactURL.isEmpty { agent += "; +\(contactURL)" }
        return agent + ")"
    }
}

