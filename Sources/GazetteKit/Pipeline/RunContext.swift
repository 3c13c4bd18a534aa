import Foundation
import Logging

/// What the steps of a run share: the inputs, what earlier steps found, and the summary so far.
struct RunContext {
    let config: Config
    let options: RunOptions
    let environment: [String: String]
    let logger: Logger
    let progress: (String) -> Void

    var summary: RunSummary
    /// Set by a step when nothing more is to be done (the edition was sent, nothing was new...).
    var isFinished = false

    var lock: RunLock?
    var templates: TemplateSet?
    var secrets: Secrets?
    var subscribers: [Subscriber] = []
    var edition: String
    var journal: DeliveryJournal
    var seen: SeenItems?
    var health: SourceHealth?
    /// The edition's content once opened or built.
    var digest: Digest?
    /// The saved digest was used (a resumed or `--force`d edition).
    var resumed = false
    /// Messages the SMTP relay refused for good (5xx to RCPT TO or DATA), for the bounce policy.
    var refusals: [DeliveryResult] = []
    /// Every active subscriber has a final outcome (and no `--only` limited the run).
    var everyoneDone = false

    init(config: Config, options: RunOptions, environment: [String: String], logger: Logger, progress: @escaping (String) -> Void) {
        self.config = config
        self.options = options
        self.environment = environment
        self.logger = logger
        self.progress = progress
        edition = options.edition ?? EditionBuilder.editionID(config, now: options.now)
        summary = RunSummary(edition: edition)
        summary.dryRun = options.dryRun
        journal = DeliveryJournal(stateDirectory: config.stateDirectory, edition: edition)
    }

    /// Ends the run here with `note` in the summary.
    mutating func finish(_ note: String, skipped: Bool = true) {
        summary.note = note
        summary.skipped = skipped
        isFinished = true
    }
}
