import Foundation

/// `gazette preview`: today's digest built exactly as `run` builds it, rendered for one
/// subscriber and written as `digest.html`, `digest.txt` and `digest.eml`. Sends nothing and
/// changes no state: no seen items, no journal, no subscriber change, not even the HTTP cache.
public struct Preview: Sendable {
    public var config: Config
    /// Whom to render for; nil for the first active subscriber, else a stand-in.
    public var subscriberEmail: String?
    /// Folder for the three files, created when missing.
    public var outputDirectory: String
    /// The moment the edition is built for; its day names the edition.
    public var now: Date
    /// Where the token secret is read from.
    public var environment: [String: String]

    public init(config: Config, subscriberEmail: String?, outputDirectory: String, now: Date = Date(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.subscriberEmail = subscriberEmail
        self.outputDirectory = outputDirectory
        self.now = now
        self.environment = environment
    }

    /// Where the files went and what to tell the user.
    public struct Output: Sendable {
        /// Path of `digest.html`; nil for a plain-text subscriber.
        public var html: String?
        /// Path of `digest.txt`.
        public var text: String
        /// Path of `digest.eml`, the complete message.
        public var eml: String
        /// Things to tell the user: failed sources, nothing new, a placeholder token, a stand-in reader.
        public var notes: [String]
        /// The edition as built, before it is restricted to the subscriber's sections.
        public var digest: Digest
    }

    public func run() throws(RunError) -> Output {
        var notes: [String] = []
        let templates = try EditionBuilder.templates(config)
        let (seen, health) = try EditionBuilder.state(config)
        let builder = EditionBuilder(config: config, now: now, writesCache: false)
        let built = builder.build(edition: builder.editionID, seen: seen, health: health)
        for outcome in built.outcomes {
            if let error = outcome.error { notes.append("source failed: \(error)") }
        }
        if built.digest.itemCount == 0 { notes.append("nothing new: run would skip this edition (selection.skip_empty)") }

        let subscriber = try chooseSubscriber(notes: &notes)
        var tokens = Secrets(config: config, environment: environment).tokens
        if tokens == nil, Secrets.linksNeedTokens(config.links) {
            tokens = UnsubscribeToken(secret: "preview-only")
            notes.append("unsubscribe links carry a placeholder token: $\(config.unsubscribeSecretEnv) is not set")
        }
        let factory = MessageFactory(config: config, digest: built.digest, templates: templates, tokens: tokens)
        let rendered = factory.rendered(for: subscriber)
        let message = factory.message(for: subscriber)
        let directory = URL(fileURLWithPath: outputDirectory)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var htmlPath: String?
            if let html = rendered.html {
                let url = directory.appendingPathComponent("digest.html")
                try AtomicFile.write(Array(html.utf8), to: url)
                htmlPath = url.path
            }
            let textURL = directory.appendingPathComponent("digest.txt")
            try AtomicFile.write(Array(rendered.text.utf8), to: textURL)
            let emlURL = directory.appendingPathComponent("digest.eml")
            try AtomicFile.write(message.bytes, to: emlURL)
            return Output(html: htmlPath, text: textURL.path, eml: emlURL.path, notes: notes, digest: built.digest)
        } catch {
            throw .state(StateError(path: outputDirectory, message: "cannot write the preview: \(error)"))
        }
    }

    /// The named subscriber, else the first active one, else a stand-in.
    private func chooseSubscriber(notes: inout [String]) throws(RunError) -> Subscriber {
        let list: SubscriberList
        if FileManager.default.fileExists(atPath: config.subscribersFile) {
            do { list = try SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile)).read() } catch { throw .subscribers(error) }
        } else {
            list = SubscriberList()
        }
        if let email = subscriberEmail {
            do { return try list.subscriber(withEmail: email) } catch { throw .subscribers(error) }
        }
        if let first = list.subscribers.first(where: { $0.status == .active }) { return first }
        notes.append("no active subscriber: rendered for preview@example.org")
        return Subscriber(id: "preview", email: "preview@example.org", name: "Preview Reader")
    }
}
