import CCurl
import Foundation

/// One libcurl easy handle and everything libcurl points into while it runs: the error buffer,
/// the header list and the body collected so far.
///
/// The handle is owned by exactly one `TransferEngine`, used on one thread and freed in `deinit`.
/// libcurl calls back into it through `Unmanaged` user data; the engine keeps it alive while
/// it is attached to the multi handle.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer
    /// The job this transfer belongs to (index into the batch).
    let job: Int
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var requestHeaders: CurlStringList?
    private let maxBodyBytes: Int

    private(set) var body = Data()
    private(set) var headers: [(name: String, value: String)] = []
    /// Set when the body passed `maxBodyBytes` and the write callback stopped the transfer.
    private(set) var bodyLimitHit = false

    init?(job: Int, url: String, options: FetchOptions, extraHeaders: [String]) {
        _ = Curl.globalInit
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        self.job = job
        self.maxBodyBytes = options.maxBodyBytes
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(url: url, options: options, extraHeaders: extraHeaders)
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    private func configure(url: String, options: FetchOptions, extraHeaders: [String]) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        ccurl_setopt_string(raw, CURLOPT_URL, url)
        ccurl_setopt_long(raw, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
        ccurl_setopt_string(raw, CURLOPT_PROTOCOLS_STR, "http,https,file")
        // A redirect may never lead to a local file.
        ccurl_setopt_string(raw, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(raw, CURLOPT_FOLLOWLOCATION, 1)
        ccurl_setopt_long(raw, CURLOPT_MAXREDIRS, options.maxRedirects)
        ccurl_setopt_long(raw, CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        ccurl_setopt_long(raw, CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
        // Reject a declared Content-Length above the limit before any byte arrives.
        ccurl_setopt_off(raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBodyBytes))
        // The empty string asks for every encoding this libcurl can decode (gzip, deflate, br, zstd).
        ccurl_setopt_string(raw, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_setopt_string(raw, CURLOPT_USERAGENT, options.userAgent)
        // Waiting for a connection to multiplex on only pays where HTTP/2 is possible (TLS with
        // ALPN); on plain http an HTTP/1.0 server would serialise every transfer to its host.
        if url.utf8.count > 8, url.prefix(8).lowercased() == "https://" { ccurl_setopt_long(raw, CURLOPT_PIPEWAIT, 1) }
        if !extraHeaders.isEmpty {
            let list = CurlStringList(extraHeaders)
            requestHeaders = list
            ccurl_setopt_slist(raw, CURLOPT_HTTPHEADER, list.raw)
        }
        ccurl_setopt_pointer(raw, CURLOPT_WRITEDATA, me)
        ccurl_setopt_write(raw) { data, size, count, user in
            let handle = Unmanaged<EasyHandle>.fromOpaque(user!).takeUnretainedValue()
            return handle.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        ccurl_setopt_pointer(raw, CURLOPT_HEADERDATA, me)
        ccurl_setopt_header(raw) { data, size, count, user in
            let handle = Unmanaged<EasyHandle>.fromOpaque(user!).takeUnretainedValue()
            handle.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
    }

    /// Returning less than `bytes.count` makes libcurl stop with `CURLE_WRITE_ERROR`.
    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxBodyBytes else {
            bodyLimitHit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmed
        if line.hasPrefix("HTTP/") {
            headers = []  // a new response (after a redirect or a 100 Continue) starts
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmed.lowercased()
            let value = line[line.index(after: colon)...].trimmed
            headers.append((name, value))
        }
    }

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

    var timings: FetchTimings {
        FetchTimings(
            nameLookup: infoSeconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: infoSeconds(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: infoSeconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: infoSeconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: infoSeconds(CURLINFO_TOTAL_TIME_T),
            redirects: infoLong(CURLINFO_REDIRECT_COUNT)
        )
    }
}

@available(*, unavailable)
extension EasyHandle: Sendable {}
