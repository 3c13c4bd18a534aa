import Foundation

/// Builds an edition's digest from the config and the state, reading state only: fetch the
/// sources, read them into candidates, select, summarise the linked pages of what was chosen.
/// What `run`, `run --dry-run` and `preview` share, so that a preview is exactly what would be sent.
struct EditionBuilder: Sendable {
    var config: Config
    var now: Date
    /// Write the HTTP cache (`run`) or only read it (`preview`, `--dry-run`).
    var writesCache: Bool

    init(config: Config, now: Date = Date(), writesCache: Bool) {
        self.config = config
        self.now = now
        self.writesCache = writesCache
    }

    /// `<list id>/<yyyy-mm-dd>` in the configured zone.
    var editionID: String { Self.editionID(config, now: now) }

    /// The edition of `now`: `<list id>/<yyyy-mm-dd>` in the configured zone.
    static func editionID(_ config: Config, now: Date) -> String { "\(config.listID)/\(Timestamp.day(now, in: config.timeZone))" }

    /// The templates the config names (built-in ones overridden file by file).
    static func templates(_ config: Config) throws(RunError) -> TemplateSet {
        do {
            return try TemplateSet(overrides: config.templateDirectory)
        } catch {
            throw .render(error as? RenderError ?? .missingTemplate("\(error)"))
        }
    }

    /// The state selection reads: seen items and source health.
    static func state(_ config: Config) throws(RunError) -> (SeenItems, SourceHealth) {
        do {
            return (try SeenItems(stateDirectory: config.stateDirectory), try SourceHealth(stateDirectory: config.stateDirectory))
        } catch {
            throw .state(error)
        }
    }

    struct Result: Sendable {
        var digest: Digest
        var outcomes: [SourceOutcome]
        /// `health` with this run's outcomes recorded (saved by `run`, not by `preview`).
        var health: SourceHealth
        /// Seconds per stage: fetch, parse, select, articles.
        var timings: [(stage: String, seconds: Double)]
        /// What selection did with every item (for `gazette explain`).
        var decisions: [SelectionDecision] = []
    }

    /// Fetches, parses, selects, then summarises the linked pages of the chosen items.
    func build(edition: String, seen: SeenItems, health: SourceHealth) -> Result {
        let fetchOptions = FetchOptions(config: config, writesCache: writesCache)
        let extractor = ArticleExtractor(leadPicker: LeadPicker(paragraphCount: config.selection.leadParagraphs,
                                                                characterBudget: config.selection.leadCharacters))
        var clock = Date()
        let results = Fetcher(options: fetchOptions).fetchBlocking(config.sources.map(\.url))
        var timings = [("fetch", Date().timeIntervalSince(clock))]
        clock = Date()
        let reader = SourceReader(extractor: extractor)
        let outcomes = zip(config.sources, results).map { source, result in reader.read(result, for: source) }
        timings.append(("parse", Date().timeIntervalSince(clock)))
        clock = Date()
        let history = SelectionHistory(hasSentBefore: seen.existed, isSent: seen.contains(any:),
                                       lastSuccess: { health.records[$0]?.lastSuccess },
                                       recentStories: seen.recentStories(days: config.selection.storyWindowDays, now: now))
        var decisions: [SelectionDecision] = []
        var sections = Selection(rules: config.selection, now: now).run(outcomes, history: history, decisions: &decisions)
        timings.append(("select", Date().timeIntervalSince(clock)))
        clock = Date()
        if config.selection.fetchArticles { LinkedPages(fetchOptions: fetchOptions, extractor: extractor).summarise(&sections) }
        timings.append(("articles", Date().timeIntervalSince(clock)))
        var health = health
        for outcome in outcomes {
            if let error = outcome.error {
                if case .notAFeed = error {
                    health.recordFailure(outcome.source.url, error: error.description, at: now, result: "not a feed")
                } else {
                    health.recordFailure(outcome.source.url, error: error.description, at: now)
                }
            } else {
                health.recordSuccess(outcome.source.url, at: now, result: outcome.source.kind == .feed ? "feed" : "article page",
                                     entries: outcome.candidates.count, dates: outcome.candidates.compactMap(\.published))
            }
        }
        let footer = DigestFooter(text: config.footer.text, address: config.footer.address,
                                  failingSources: config.footer.reportFailingSources ? health.failing(after: config.footer.failingAfterRuns) : [],
                                  webURL: config.links.web.map { LinkTemplate.fill($0, edition: edition, date: Timestamp.day(now, in: config.timeZone)) })
        let digest = Digest(title: config.title, editionID: edition, editionDate: now, timeZone: config.timeZone,
                            intro: config.intro, language: config.language, sections: sections, footer: footer, images: config.images)
        return Result(digest: digest, outcomes: outcomes, health: health, timings: timings, decisions: decisions)
    }
}
