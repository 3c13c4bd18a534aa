import CCurl

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
