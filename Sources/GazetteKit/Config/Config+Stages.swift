import Foundation

/// The config's settings handed to the stages that take them, so no stage reads `Config` itself.
extension MessageSettings {
    /// The config's sender and list id; `unsubscribeMailto` only for messages of the list itself.
    init(config: Config, unsubscribeMailto: String?) {
        self.init(fromAddress: config.sender.address, fromName: config.sender.name, replyTo: config.sender.replyTo,
                  envelopeFrom: config.sender.envelopeFrom, listID: config.listID, unsubscribeMailto: unsubscribeMailto)
    }
}

extension MessageFactory {
    /// Messages from the config's sender, list id and links.
    public init(config: Config, digest: Digest, templates: TemplateSet, tokens: UnsubscribeToken?) {
        self.init(settings: MessageSettings(config: config, unsubscribeMailto: config.links.unsubscribeMailto),
                  links: config.links, digest: digest, templates: templates, tokens: tokens)
    }
}

extension FetchOptions {
    /// The config's `fetch:` limits, with the HTTP cache in the state folder.
    init(config: Config, writesCache: Bool) {
        self.init()
        totalTimeout = config.fetch.timeout
        connectTimeout = config.fetch.connectTimeout
        maxConcurrent = config.fetch.concurrency
        maxPerHost = config.fetch.perHost
        maxBodyBytes = config.fetch.maxBytes
        retry.maxAttempts = config.fetch.attempts
        contactURL = config.fetch.contact
        cacheDirectory = URL(fileURLWithPath: (config.stateDirectory as NSString).appendingPathComponent("http-cache"))
        cacheReadOnly = !writesCache
    }
}

extension Config {
    /// The configured delivery backend (`run`, and `serve` for confirmation mail).
    static func backend(_ config: Config, password: String?) -> any DeliveryBackend {
        switch config.delivery.backend {
        case .outbox: return OutboxDelivery(directory: config.delivery.outbox, concurrency: 4)
        case .stdout: return StandardOutputDelivery()
        case .smtp:
            var settings = config.delivery.smtp ?? SMTPSettings(url: "smtp://localhost")
            settings.password = password
            return SMTPDelivery(settings: settings)
        }
    }
}
