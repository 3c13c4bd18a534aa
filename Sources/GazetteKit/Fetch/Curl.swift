import CCurl

/// Process-wide libcurl facts and one-time setup.
enum Curl {
    /// `curl_global_init` must run once, before any handle exists; a lazy global runs it exactly once.
    static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// libcurl's version, such as `7.88.1`.
    static let version = String(cString: ccurl_version())

    /// curl's own text for an error code.
    static func message(for code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}

/// An owned `curl_slist` (request headers, SMTP recipients); libcurl keeps the pointer, so this
/// object must live as long as the handle that uses it.
final class CurlStringList {
    private(set) var raw: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines { raw = curl_slist_append(raw, line) }
    }

    deinit { curl_slist_free_all(raw) }
}

@available(*, unavailable)
extension CurlStringList: Sendable {}
