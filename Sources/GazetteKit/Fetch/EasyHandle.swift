import CCurl
import Foundation

/// One libcurl easy handle and everything libcurl points into while it runs: the error buffer,
/// the header list and the body collected so far.
///
/// The handle is owned by exactly one `TransferEngine`, used on one thread and freed in `deinit`.
/// libcurl calls back into it through `Unmanaged` user data; the engine keeps it alive while
/// it is attached to the multi handle.
final class EasyHandle {
    private let curl: CurlEasy
    /// The job this transfer belongs to (index into the batch).
    let job: Int
    private var requestHeaders: CurlStringList?
    private let maxBodyBytes: Int

    private(set) var body = Data()
    private(set) var headers: [(name: String, value: String)] = []
    /// Set when the body passed `maxBodyBytes` and the write callback stopped the transfer.
    private(set) var bodyLimitHit = false

    init?(job: Int, url: String, options: FetchOptions, extraHeaders: [String]) {
        guard let curl = CurlEasy() else { return nil }
        self.curl = curl
        self.job = job
        self.maxBodyBytes = options.maxBodyBytes
        configure(url: url, options: options, extraHeaders: extraHeaders)
    }

    /// The libcurl handle, for the multi handle that drives it.
    var raw: UnsafeMutableRawPointer { curl.raw }

    private func configure(url: String, options: FetchOptions, extraHeaders: [String]) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        curl.set(CURLOPT_URL, url)
        curl.set(CURLOPT_PROTOCOLS_STR, "http,https,file")
        // A redirect may never lead to a local file.
        curl.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        curl.set(CURLOPT_FOLLOWLOCATION, 1)
        curl.set(CURLOPT_MAXREDIRS, options.maxRedirects)
        curl.set(CURLOPT_CONNECTTIMEOUT_MS, Int(options.connectTimeout * 1000))
        curl.set(CURLOPT_TIMEOUT_MS, Int(options.totalTimeout * 1000))
        // Reject a declared Content-Length above the limit before any byte arrives.
        curl.set(CURLOPT_MAXFILESIZE_LARGE, size: options.maxBodyBytes)
        // The empty string asks for every encoding this libcurl can decode (gzip, deflate, br, zstd).
        curl.set(CURLOPT_ACCEPT_ENCODING, "")
        curl.set(CURLOPT_USERAGENT, options.userAgent)
        // Waiting for a connection to multiplex on only pays where HTTP/2 is possible (TLS with
        // ALPN); on plain http an HTTP/1.0 server would serialise every transfer to its host.
        if url.utf8.count > 8, url.prefix(8).lowercased() == "https://" { curl.set(CURLOPT_PIPEWAIT, 1) }
        if !extraHeaders.isEmpty {
            let list = CurlStringList(extraHeaders)
            requestHeaders = list
            curl.set(CURLOPT_HTTPHEADER, list: list)
        }
        curl.set(CURLOPT_WRITEDATA, pointer: me)
        ccurl_setopt_write(curl.raw) { data, size, count, user in
            let handle = Unmanaged<EasyHandle>.fromOpaque(user!).takeUnretainedValue()
            return handle.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        curl.set(CURLOPT_HEADERDATA, pointer: me)
        ccurl_setopt_header(curl.raw) { data, size, count, user in
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

    func errorMessage(for code: CURLcode) -> String { curl.errorMessage(for: code) }
    func infoLong(_ info: CURLINFO) -> Int { curl.infoLong(info) }
    func infoSeconds(_ info: CURLINFO) -> Double { curl.infoSeconds(info) }
    func infoString(_ info: CURLINFO) -> String? { curl.infoString(info) }

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
