/// How to reach the SMTP server.
public struct SMTPSettings: Sendable, Equatable {
    /// When to use TLS on an `smtp://` URL (`smtps://` is TLS from the start).
    public enum StartTLS: String, Sendable, CaseIterable {
        /// STARTTLS or fail.
        case required
        /// STARTTLS when the server offers it, else plain text.
        case opportunistic
        /// Never (loopback relays only).
        case off
    }

    /// `smtp://host:port` or `smtps://host:port`.
    public var url: String
    public var startTLS: StartTLS
    /// AUTH user name; nil for no login.
    public var username: String?
    /// Read by the caller from the environment variable the config names; never stored in files.
    public var password: String?
    /// CA bundle to trust (a self-signed relay's certificate, say); nil means the system's.
    public var caFile: String?
    /// Check the server's certificate and name; turn off only for a relay you control.
    public var verifyCertificate: Bool
    /// Connections (and threads) used at once.
    public var concurrency: Int
    /// Seconds one message may take, connection included.
    public var timeout: Double
    /// Backoff for 4xx replies and relay failures (by default 3 attempts, 2 s doubling, within 120 s).
    public var retry: RetryPolicy
    /// Name sent in EHLO; curl's default when nil.
    public var heloName: String?

    public init(url: String, startTLS: StartTLS = .required, username: String? = nil, password: String? = nil,
                caFile: String? = nil, verifyCertificate: Bool = true, concurrency: Int = 4, timeout: Double = 60,
                retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 2, maxDelay: 30, maxTotalTime: 120),
                heloName: String? = nil) {
        self.url = url
        self.startTLS = startTLS
        self.username = username
        self.password = password
        self.caFile = caFile
        self.verifyCertificate = verifyCertificate
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.retry = retry
        self.heloName = heloName
    }
}
