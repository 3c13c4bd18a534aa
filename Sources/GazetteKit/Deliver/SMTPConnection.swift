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

    /// How libcurl ended an attempt, in the terms delivery decides by.
    enum Ending: Sendable, Equatable {
        case sent
        /// The login was refused (any reply code; 4xx is temporary).
        case loginRefused
        /// STARTTLS was required and the relay does not offer it.
        case startTLSUnavailable
        /// The TLS handshake or the certificate check failed.
        case tls
        /// Cut off by `shouldAbort`.
        case aborted
        /// Anything else: a refused step, a dropped connection, a timeout.
        case other
    }

    /// The result of one attempt: how it ended, the server's last reply code and line, curl's
    /// message, and the step the last reply answered.
    struct Attempt {
        var ending: Ending
        var replyCode: Int
        var reply: String
        var error: String
        var step: Step
    }

    private let curl: CurlEasy
    private var raw: UnsafeMutableRawPointer { curl.raw }
    private let settings: SMTPSettings
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
        guard let curl = CurlEasy() else { return nil }
        self.curl = curl
        self.settings = settings
        self.shouldAbort = shouldAbort
        configure()
    }

    private func configure() {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var url = settings.url
        if let helo = settings.heloName, !url.dropFirst(8).contains("/") { url += "/" + helo }
        curl.set(CURLOPT_URL, url)
        curl.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        curl.set(CURLOPT_UPLOAD, 1)
        curl.set(CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        // The wait for a reply (after DATA, say) has its own limit, 120 s by default, which the
        // overall timeout does not cut short: bound it by the per-message timeout too.
        curl.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, Int(settings.timeout.rounded(.up)))
        curl.set(CURLOPT_CONNECTTIMEOUT_MS, Int(min(settings.timeout, 20) * 1000))
        let tls: curl_usessl
        switch settings.startTLS {
        case .required: tls = CURLUSESSL_ALL
        case .opportunistic: tls = CURLUSESSL_TRY
        case .off: tls = CURLUSESSL_NONE
        }
        curl.set(CURLOPT_USE_SSL, Int(tls.rawValue))
        if let caFile = settings.caFile { curl.set(CURLOPT_CAINFO, caFile) }
        if !settings.verifyCertificate {
            curl.set(CURLOPT_SSL_VERIFYPEER, 0)
            curl.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let username = settings.username { curl.set(CURLOPT_USERNAME, username) }
        if let password = settings.password { curl.set(CURLOPT_PASSWORD, password) }
        curl.set(CURLOPT_READDATA, pointer: me)
        ccurl_setopt_read(raw) { buffer, size, count, user in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue().read(into: buffer, capacity: size * count)
        }
        // Server replies arrive as "header in" debug data, the commands sent as "header out":
        // the last reply explains a failure, the last command says which step it answered.
        curl.set(CURLOPT_DEBUGDATA, pointer: me)
        ccurl_setopt_debug(raw) { _, type, data, size, user in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue()
                .observe(type, UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        curl.set(CURLOPT_VERBOSE, 1)
        curl.set(CURLOPT_XFERINFODATA, pointer: me)
        ccurl_setopt_progress(raw) { user, _, _, _, _ in
            Unmanaged<SMTPConnection>.fromOpaque(user!).takeUnretainedValue().progressTick()
        }
        curl.set(CURLOPT_NOPROGRESS, 0)
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

    private static func ending(_ code: CURLcode) -> Ending {
        switch code {
        case CURLE_OK: return .sent
        case CURLE_LOGIN_DENIED: return .loginRefused
        case CURLE_USE_SSL_FAILED: return .startTLSUnavailable
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM: return .tls
        case CURLE_ABORTED_BY_CALLBACK: return .aborted
        default: return .other
        }
    }

    /// The step an SMTP command line belongs to, from its verb; nil for QUIT, RSET and NOOP,
    /// which libcurl sends after a failure and which say nothing about what failed.
    static func step(ofCommand line: UnsafeRawBufferPointer) -> Step? {
        var verb: [UInt8] = []
        for byte in line.prefix(8) {
            guard byte != 0x20, byte != 0x0D, byte != 0x0A else { break }
            verb.append(byte.asciiLowercased)
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
        curl.clearError()
        recipients = CurlStringList(["<\(message.recipient)>"])
        curl.set(CURLOPT_MAIL_FROM, "<\(message.envelopeFrom)>")
        curl.set(CURLOPT_MAIL_RCPT, list: recipients)
        curl.set(CURLOPT_INFILESIZE_LARGE, size: body.count)
        let code = curl_easy_perform(raw)
        let reply = curl.infoLong(CURLINFO_RESPONSE_CODE)
        // The reply that carries the final code (curl may say QUIT after it, answered by "221").
        let prefix = String(reply)
        let line = replies.last { $0.hasPrefix(prefix) } ?? replies.last ?? ""
        // A reused connection starts at MAIL FROM; a new one with the greeting, before any command.
        return Attempt(ending: Self.ending(code), replyCode: reply, reply: line, error: curl.errorMessage(for: code), step: step)
    }
}

@available(*, unavailable)
extension SMTPConnection: Sendable {}
