import CCurl
import Foundation

/// One libcurl easy handle used for SMTP by one thread, message after message, so libcurl keeps
/// the connection open between them. Freed in `deinit`; libcurl calls back through `Unmanaged`.
final class SMTPConnection {
    /// The session step a reply answered: what tells a refused recipient from a failed relay.
    enum Step: Sendable, Equatable {
        /// Connecting and waiting for the greeting.
        case connect
        /// EHLO/HELO, STARTTLS, AUTH.
        case session
        /// MAIL FROM.
        case sender
        /// RCPT TO.
        case recipient
        /// DATA and the message body.
        case data
    }

    /// The result of one attempt: curl's code, the server's last reply code and line, the step.
    struct Attempt {
        var code: CURLcode
        var replyCode: Int
        var reply: String
        var error: String
        var step: Step
    }

    private let raw: UnsafeMutableRawPointer
    private let settings: SMTPSettings
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var recipients: CurlStringList?
    private var body: [UInt8] = []
    private var offset = 0
    /// Server reply lines of the current message.
    private var replies: [String] = []
    /// The step the last command sent belongs to.
    private var step = Step.connect
    /// Asked after each libcurl progress tick: cut the message off now (a signal's grace ran out).
    private let shouldAbort: @Sendable () -> Bool

    init?(settings: SMTPSettings, shouldAbort: @escaping @Sendable () -> Bool = { false }) {
        _ = Curl.globalInit
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        self.settings = settings
        self.shouldAbort = shouldAbort
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
        // Server replies arrive as "header in" debug data, the commands sent as "header out":
        // the last reply explains a failure, the last command says which step it answered.
        ccurl_setopt_pointer(raw, CURLOPT_DEBUGDATA, me)
        ccurl_setopt_debug(raw) { _, type, data, size, user in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue()
                .observe(type, UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        ccurl_setopt_long(raw, CURLOPT_VERBOSE, 1)
        ccurl_setopt_pointer(raw, CURLOPT_XFERINFODATA, me)
        ccurl_setopt_progress(raw) { user, _, _, _, _ in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue().progressTick()
        }
        ccurl_setopt_long(raw, CURLOPT_NOPROGRESS, 0)
    }

    private func observe(_ type: curl_infotype, _ bytes: UnsafeRawBufferPointer) {
        if type == CURLINFO_HEADER_IN {
            replies.append(String(decoding: bytes, as: UTF8.self).trimmed)
        } else if type == CURLINFO_HEADER_OUT, let next = Self.step(ofCommand: bytes) {
            step = next
        }
    }

    /// Non-zero makes libcurl abort the transfer.
    private func progressTick() -> Int32 {
        shouldAbort() ? 1 : 0
    }

    /// The step an SMTP command line belongs to, from its verb; nil for QUIT, RSET and NOOP,
    /// which libcurl sends after a failure and which say nothing about what failed.
    static func step(ofCommand line: UnsafeRawBufferPointer) -> Step? {
        var verb: [UInt8] = []
        for byte in line.prefix(8) {
            guard byte != 0x20, byte != 0x0D, byte != 0x0A else { break }
            verb.append(byte | 0x20)
        }
        switch String(decoding: verb, as: UTF8.self) {
        case "mail": return .sender
        case "rcpt": return .recipient
        case "data": return .data
        case "quit", "rset", "noop": return nil
        default: return .session
        }
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
        step = .connect
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
        // A reused connection starts at MAIL FROM; a new one with the greeting, before any command.
        return Attempt(code: code, replyCode: reply, reply: line,
                       error: detail.isEmpty ? Curl.message(for: code) : detail, step: step)
    }
}

@available(*, unavailable)
extension SMTPConnection: Sendable {}
