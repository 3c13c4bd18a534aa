import Foundation

/// What came back for one URL: a response or a typed error, never both.
public struct FetchResult: Sendable {
    /// The URL as requested.
    public let url: String
    /// The response, or why there is none.
    public let outcome: Result<FetchResponse, FetchError>
    /// Attempts made, retries included.
    public let attempts: Int
    /// Seconds from the first attempt's start to the end of the last one.
    public let elapsed: Double

    /// The response when the fetch succeeded.
    public var response: FetchResponse? { try? outcome.get() }
    /// The error when the fetch failed.
    public var error: FetchError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}

/// A successful response (2xx, a `304` answered from the cache, or a `file://` read).
public struct FetchResponse: Sendable {
    /// The HTTP status; 0 for `file://`.
    public let status: Int
    /// The URL after redirects.
    public let finalURL: String
    /// Response headers of the final response, names lower-cased, in arrival order.
    public let headers: [(name: String, value: String)]
    /// The media type without parameters, lower-cased (`text/html`), when known.
    public let contentType: String?
    /// The `charset` parameter of `Content-Type`, lower-cased, when given.
    public let charset: String?
    /// The decoded (decompressed) body.
    public let body: Data
    /// True when the server answered `304` and `body` comes from the cache.
    public let notModified: Bool
    /// Where the time of the last attempt went.
    public let timings: FetchTimings

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }
}

/// Phases of the last attempt, in seconds from its start (libcurl's `*_TIME_T` infos).
public struct FetchTimings: Sendable, Equatable {
    public var nameLookup: Double = 0
    public var connect: Double = 0
    public var tlsHandshake: Double = 0
    public var firstByte: Double = 0
    public var total: Double = 0
    /// Redirects followed (a count, not seconds).
    public var redirects: Int = 0
}
