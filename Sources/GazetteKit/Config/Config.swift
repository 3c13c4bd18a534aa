import Foundation

/// Everything `gazette run` needs, read from one YAML file (see the README's "Configuration").
/// Relative paths are resolved against the config file's folder.
public struct Config: Sendable {
    /// Where it was read from.
    public var path: String
    public var title: String = "Gazette"
    public var listID: String = "gazette.localhost"
    public var timeZone: TimeZone = .current
    public var language: String = "en"
    public var intro: String?
    public var sender = Sender()
    public var sources: [SourceConfig] = []
    public var selection = SelectionRules()
    public var fetch = FetchConfig()
    /// Overrides for the built-in templates, file by file.
    public var templateDirectory: String?
    public var subscribersFile: String = "subscribers.json"
    public var stateDirectory: String = "state"
    public var delivery = DeliveryConfig()
    public var links = LinkConfig()
    public var footer = FooterConfig()
    /// Environment variable holding the unsubscribe-token secret.
    public var unsubscribeSecretEnv: String = "GAZETTE_UNSUBSCRIBE_SECRET"

    public init(path: String) {
        self.path = path
    }

    public struct Sender: Sendable {
        public var name: String?
        public var address: String = "gazette@localhost"
        public var replyTo: String?
        public var envelopeFrom: String?
    }

    public struct FetchConfig: Sendable {
        public var timeout: Double = 30
        public var connectTimeout: Double = 10
        public var concurrency: Int = 16
        public var perHost: Int = 4
        public var maxBytes: Int = 10 * 1024 * 1024
        public var attempts: Int = 3
        public var contact: String?
    }

    public enum Backend: String, Sendable, CaseIterable {
        case outbox, smtp, stdout
    }

    public struct DeliveryConfig: Sendable {
        public var backend: Backend = .outbox
        public var outbox: String = "outbox"
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
        public var text: String?
        public var address: String?
        /// Name sources failing on `failingAfterRuns` consecutive runs in the footer.
        public var reportFailingSources: Bool = false
        public var failingAfterRuns: Int = 3
    }

    /// `path` resolved against the config's folder.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = (self.path as NSString).deletingLastPathComponent
        let joined = ((base.isEmpty ? "." : base) as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }
}
