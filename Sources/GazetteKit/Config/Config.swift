import Foundation

/// Everything `gazette run` needs, read from one YAML file (see the README's "Configuration").
/// Relative paths are resolved against the config file's folder.
public struct Config: Sendable {
    /// Where it was read from.
    public var path: String
    public var title: String = "Gazette"
    /// A domain the list owner controls: the `List-Id` header and the first part of edition ids.
    public var listID: String = "gazette.localhost"
    /// IANA zone that decides the edition's date and the times shown in the digest.
    public var timeZone: TimeZone = .current
    /// Language tag for the HTML `lang`, the text direction and date formats.
    public var language: String = "en"
    /// A sentence under the title, also the preheader; nil for none.
    public var intro: String?
    public var sender = Sender()
    public var sources: [SourceConfig] = []
    public var selection = SelectionRules()
    public var fetch = FetchConfig()
    /// Overrides for the built-in templates, file by file.
    public var templateDirectory: String?
    /// Path of the subscriber file, resolved against the config's folder once read.
    public var subscribersFile: String = "subscribers.json"
    /// Folder for the run lock, journals, seen items, source health and HTTP cache; resolved likewise.
    public var stateDirectory: String = "state"
    public var delivery = DeliveryConfig()
    public var links = LinkConfig()
    public var footer = FooterConfig()
    /// `gazette serve` and the web archive (`serve:`).
    public var serve = ServeConfig()
    public var inbox = InboxConfig()
    /// Which stories show their picture in the HTML part.
    public var images: ImagePlacement = .lead
    /// Environment variable holding the unsubscribe-token secret.
    public var unsubscribeSecretEnv: String = "GAZETTE_UNSUBSCRIBE_SECRET"

    public init(path: String) {
        self.path = path
    }

    public struct Sender: Sendable {
        /// Display name in `From`; nil for the bare address.
        public var name: String?
        public var address: String = "gazette@localhost"
        /// `Reply-To` address; nil for none.
        public var replyTo: String?
        /// SMTP `MAIL FROM`, where bounces go; nil means `address`.
        public var envelopeFrom: String?
    }

    public struct FetchConfig: Sendable {
        /// Seconds per attempt for one transfer.
        public var timeout: Double = 30
        /// Seconds allowed for connecting, per attempt.
        public var connectTimeout: Double = 10
        /// Transfers in flight at once.
        public var concurrency: Int = 16
        /// Transfers in flight to one scheme, host and port.
        public var perHost: Int = 4
        /// Largest body accepted, in bytes.
        public var maxBytes: Int = 10 * 1024 * 1024
        /// Tries per URL, the first included.
        public var attempts: Int = 3
        /// URL added to the User-Agent; nil for none.
        public var contact: String?
    }

    /// Where messages go: `.eml` files in the outbox folder, an SMTP relay, or standard output (debugging).
    public enum Backend: String, Sendable, CaseIterable {
        case outbox, smtp, stdout
    }

    public struct DeliveryConfig: Sendable {
        public var backend: Backend = .outbox
        /// Folder for the outbox backend's `.eml` files, resolved against the config's folder.
        public var outbox: String = "outbox"
        /// Relay settings from `delivery.smtp`; nil when the config has none (required for `.smtp`).
        public var smtp: SMTPSettings?
        /// Environment variable with the SMTP password.
        public var passwordEnv: String?
        /// Bound on the delivery phase of one run, in minutes; what is left goes out with the next run.
        public var maxMinutes: Double = 240
        /// Connection-level relay failures in a row after which the run stops and defers the rest.
        public var stopAfterFailures: Int = 5
    }

    /// The links in every digest (see `MessageLinks`).
    public typealias LinkConfig = MessageLinks


    public struct FooterConfig: Sendable {
        /// Footer line: who sends this and why the reader gets it; nil for none.
        public var text: String?
        /// Postal address or other sender identification for the footer; nil for none.
        public var address: String?
        /// Name sources failing on `failingAfterRuns` consecutive runs in the footer.
        public var reportFailingSources: Bool = false
        /// Consecutive failed runs after which a source counts as failing.
        public var failingAfterRuns: Int = 3
    }

    /// `gazette serve` and the archive of sent editions.
    public struct ServeConfig: Sendable {
        /// The public URL the server answers at (behind the TLS proxy), such as `https://news.example.org`;
        /// when set, digests' links default to its routes.
        public var baseURL: String?
        /// Address and port to listen on (`127.0.0.1:8080`); port 0 picks a free one.
        public var listen: String = "127.0.0.1:8080"
        /// Days a confirmation link stays valid.
        public var confirmDays: Double = 7
        /// Addresses of reverse proxies whose `X-Forwarded-For` is believed.
        public var trustedProxies: [String] = ["127.0.0.1", "::1"]
        /// Subscribe requests one client address may make per hour.
        public var subscribesPerHour: Int = 20
        /// Where `run` writes the web copies of sent editions; default `<state_dir>/archive`.
        public var archive: String?
    }

    /// `gazette inbox`: the bounce mailbox and the policy for bounces.
    public struct InboxConfig: Sendable {
        /// `imap://` or `imaps://` URL of the mailbox (`imaps://user@host/INBOX`); `--imap` overrides.
        public var imapURL: String?
        /// Environment variable holding the IMAP password.
        public var imapPasswordEnv: String = "GAZETTE_IMAP_PASSWORD"
        public var caFile: String?
        public var verifyCertificate = true
        /// Soft bounces within `softBounceDays`, with no successful delivery between them, that make
        /// a subscriber `bounced`.
        public var softBounceLimit = 5
        public var softBounceDays: Double = 30
        /// Messages bigger than this are read only up to it (a bounce's report is at its start).
        public var maxMessageBytes = InboxFile.defaultLimit
    }

    /// The folder of the web archive.
    public var archiveDirectory: String { serve.archive ?? (stateDirectory as NSString).appendingPathComponent("archive") }

    /// `path` resolved against the config's folder.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = (self.path as NSString).deletingLastPathComponent
        let joined = ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }
}
