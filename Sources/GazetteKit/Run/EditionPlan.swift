import Foundation

/// Builds an edition's digest from the config and the state, reading state only: what `run`,
/// `run --dry-run` and `preview` share, so that a preview is exactly what would be sent.
public struct EditionPlan: Sendable {
    public var config: Config
    public var now: Date
    /// Write the HTTP cache (`run`) or only read it (`preview`, `--dry-run`).
    public var writesCache: Bool

    public init(config: Config, now: Date = Date(), writesCache: Bool) {
        self.config = config
        self.now = now
        self.writesCache = writesCache
    }

    /// `<list id>/<yyyy-mm-dd>` in the configured zone.
    public var editionID: String { "\(config.listID)/\(Timestamp.day(now, in: config.timeZone))" }

    /// The templates the config names (built-in ones overridden file by file).
    public static func templates(_ config: Config) throws(RunError) -> TemplateSet {
        do {
            return try TemplateSet(overrides: config.templateDirectory)
        } catch {
            throw .render(error as? RenderError ?? .missingTemplate("\(error)"))
        }
    }

    /// The state selection reads: seen items and source health.
    public static func state(_ config: Config) throws(RunError) -> (SeenItems, SourceHealth) {
        do {
            return (try SeenItems(stateDirectory: config.stateDirectory), try SourceHealth(stateDirectory: config.stateDirectory))
        } catch {
            throw .state(error)
        }
    }

    public struct Result: Sendable {
        public var digest: Digest
        public var outcomes: [SourceOutcome]
        /// `health` with this run's outcomes recorded (saved by `run`, not by `preview`).
        public var health: SourceHealth
        public var timings: GatherStep.Timings
        public var selectSeconds: Double
    }

    /// Fetches, parses, selects, then summarises the linked pages of the chosen items.
    public func build(edition: String, seen: SeenItems, health: SourceHealth) -> Result {
        var fetchOptions = FetchOptions()
        fetchOptions.totalTimeout = config.fetch.timeout
        fetchOptions.connectTimeout = config.fetch.connectTimeout
        fetchOptions.maxConcurrent = config.fetch.concurrency
        fetchOptions.maxPerHost = config.fetch.perHost
        fetchOptions.maxBodyBytes = config.fetch.maxBytes
        fetchOptions.retry.maxAttempts = config.fetch.attempts
        fetchOptions.contactURL = config.fetch.contact
        fetchOptions.cacheDirectory = URL(fileURLWithPath: (config.stateDirectory as NSString).appendingPathComponent("http-cache"))
        fetchOptions.cacheReadOnly = !writesCache
        let extractor = ArticleExtractor(leadPicker: LeadPicker(paragraphCount: config.selection.leadParagraphs,
                                                                characterBudget: config.selection.leadCharacters))
        let gather = GatherStep(fetchOptions: fetchOptions, extractor: extractor, fetchArticles: config.selection.fetchArticles)
        let (outcomes, gathered) = gather.run(config.sources)
        var clock = Date()
        var sections = SelectionStep(selection: config.selection, now: now).run(outcomes, seen: seen, health: health)
        var timings = gathered
        let selectSeconds = Date().timeIntervalSince(clock)
        clock = Date()
        gather.summariseLinkedPages(&sections)
        timings.articles = Date().timeIntervalSince(clock)
        var health = health
        for outcome in outcomes {
            if let error = outcome.error { health.recordFailure(outcome.source.url, error: error) } else { health.recordSuccess(outcome.source.url, at: now) }
        }
        let footer = DigestFooter(text: config.footer.text, address: config.footer.address,
                                  failingSources: config.footer.reportFailingSources ? health.failing(after: config.footer.failingAfterRuns) : [],
                                  webURL: config.links.web.map { LinkTemplate.fill($0, edition: edition, date: Timestamp.day(now, in: config.timeZone)) })
        let digest = Digest(title: config.title, editionID: edition, editionDate: now, timeZone: config.timeZone,
                            intro: config.intro, language: config.language, sections: sections, footer: footer)
        return Result(digest: digest, outcomes: outcomes, health: health, timings: timings, selectSeconds: selectSeconds)
    }
}

/// Fills `{token}`, `{id}`, `{email}`, `{edition}` and `{date}` in link templates (values percent-encoded).
public enum LinkTemplate {
    public static func fill(_ template: String, token: String? = nil, id: String? = nil, email: String? = nil,
                            edition: String? = nil, date: String? = nil) -> String {
        var result = template
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        for (name, value) in [("token", token), ("id", id), ("email", email), ("edition", edition), ("date", date)] {
            guard let value, result.has("{\(name)}") else { continue }
            result = result.replacingOccurrences(of: "{\(name)}", with: value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return result
    }
}
