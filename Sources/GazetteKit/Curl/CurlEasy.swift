import CCurl

/// One libcurl easy handle with its error buffer, freed in `deinit`: the part of a transfer the
/// fetcher (`EasyHandle`) and the SMTP sender (`SMTPConnection`) share. Used on one thread.
final class CurlEasy {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init?() {
        _ = Curl.globalInit
        guard let raw = curl_easy_init() else {
            errorBuffer.deallocate()
            return nil
        }
        self.raw = raw
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
        ccurl_setopt_long(raw, CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) { ccurl_setopt_long(raw, option, value) }
    func set(_ option: CURLoption, _ value: String) { ccurl_setopt_string(raw, option, value) }
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) { ccurl_setopt_pointer(raw, option, value) }
    func set(_ option: CURLoption, list: CurlStringList?) { ccurl_setopt_slist(raw, option, list?.raw) }
    func set(_ option: CURLoption, size value: Int) { ccurl_setopt_off(raw, option, curl_off_t(value)) }

    /// Clears the error buffer before a transfer.
    func clearError() { errorBuffer[0] = 0 }

    /// curl's detailed message for the last failure, or its generic text for `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? Curl.message(for: code) : detail
    }

    func infoLong(_ info: CURLINFO) -> Int {
        var value = 0
        ccurl_getinfo_long(raw, info, &value)
        return value
    }

    /// A time in seconds (libcurl reports microseconds).
    func infoSeconds(_ info: CURLINFO) -> Double {
        var value: curl_off_t = 0
        ccurl_getinfo_off(raw, info, &value)
        return Double(value) / 1_000_000
    }

    func infoString(_ info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        ccurl_getinfo_string(raw, info, &value)
        return value.map { String(cString: $0) }
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}
