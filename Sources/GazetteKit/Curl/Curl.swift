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
