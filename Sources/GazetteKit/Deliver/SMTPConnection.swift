import CCurl
import Foundation

/// One libcurl easy handle used for SMTP by one thread, message after message, so libcurl keeps
/// the connection open between them. Freed in `deinit`; libcurl calls back through `Unmanaged`.
final class SMTPConnection {
    /// The result of one attempt: curl's code, the server's last reply code and line.
    struct Attempt {
        var code: CURLcode
        var replyCode: Int
        var reply: String
        var error: String
    }

    private let raw: UnsafeMutableRawPointer
    private let settings: SMTPSettings
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var recipients: CurlStringList?
    private var body: [UInt8] = []
    private var offset = 0
    /// Server reply lines of the current message.
    private var replies: [String] = []

    init?(settings: SMTPSettings) {
        _ = Curl.globalInit
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        self.settings = settings
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure()
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    private func configure() {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var url = settings.url
        if let helo = settings.heloName, !url.dropFirst(8).contains("/") { url += "/" + helo }
        ccurl_setopt_string(raw, CURLOPT_URL, url)
        ccurl_setopt_string(raw, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        ccurl_setopt_long(raw, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
        ccurl_setopt_long(raw, CURLOPT_UPLOAD, 1)
        ccurl_setopt_long(raw, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        // The wait for a reply (after DATA, say) has its own limit, 120 s by default, which the
        // overall timeout does not cut short: bound it by the per-message timeout too.
        ccurl_setopt_long(raw, CURLOPT_SERVER_RESPONSE_TIMEOUT, Int(settings.timeout.rounded(.up)))
        ccurl_setopt_long(raw, CURLOPT_CONNECTTIMEOUT_MS, Int(min(settings.timeout, 20) * 1000))
        let tls: curl_usessl
        switch settings.startTLS {
        case .required: tls = CURLUSESSL_ALL
        case .opportunistic: tls = CURLUSESSL_TRY
        case .off: tls = CURLUSESSL_NONE
        }
        ccurl_setopt_long(raw, CURLOPT_USE_SSL, Int(tls.rawValue))
        if let caFile = settings.caFile { ccurl_setopt_string(raw, CURLOPT_CAINFO, caFile) }
        if !settings.verifyCertificate {
            ccurl_setopt_long(raw, CURLOPT_SSL_VERIFYPEER, 0)
            ccurl_setopt_long(raw, CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let username = settings.username { ccurl_setopt_string(raw, CURLOPT_USERNAME, username) }
        if let password = settings.password { ccurl_setopt_string(raw, CURLOPT_PASSWORD, password) }
        ccurl_setopt_pointer(raw, CURLOPT_READDATA, me)
        ccurl_setopt_read(raw) { buffer, size, count, user in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue().read(into: buffer, capacity: size * count)
        }
        // Server replies arrive as "header in" debug data; the last one explains a failure.
        ccurl_setopt_pointer(raw, CURLOPT_DEBUGDATA, me)
        ccurl_setopt_debug(raw) { _, type, data, size, user in
            if type == CURLINFO_HEADER_IN {
                let connection = Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue()
                connection.replies.append(String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self).trimmed)
            }
            return 0
        }
        ccurl_setopt_long(raw, CURLOPT_VERBOSE, 1)
    }

    private func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, body.count - offset)
        guard count > 0 else { return 0 }
        body.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Sends one message over the handle's connection (opening one when needed).
    func send(_ message: Message) -> Attempt {
        body = message.bytes
        offset = 0
        replies.removeAll(keepingCapacity: true)
        errorBuffer[0] = 0
        recipients = CurlStringList(["<\(message.recipient)>"])
        ccurl_setopt_string(raw, CURLOPT_MAIL_FROM, "<\(message.envelopeFrom)>")
        ccurl_setopt_slist(raw, CURLOPT_MAIL_RCPT, recipients?.raw)
        ccurl_setopt_off(raw, CURLOPT_INFILESIZE_LARGE, curl_off_t(body.count))
        let code = curl_easy_perform(raw)
        var reply = 0
        ccurl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &reply)
        let detail = String(cString: errorBuffer)
        // The reply that carries the final code (curl may say QUIT after it, answered by "221").
        let prefix = String(reply)
        let line = replies.last { $0.hasPrefix(prefix) } ?? replies.last ?? ""
        return Attempt(code: code, replyCode: reply, reply: line,
                       error: detail.isEmpty ? Curl.message(for: code) : detail)
    }
}

@available(*, unavailable)
extension SMTPConnection: Sendable {}
