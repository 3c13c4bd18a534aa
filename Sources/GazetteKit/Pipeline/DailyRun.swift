import Foundation
import Logging

/// `gazette run`: lock → gather → select → edition → render → deliver → record, crash-safe.
///
/// Exactly once: before each message the journal says `sending`, after it the outcome. A rerun
/// of an edition reloads the edition's saved digest and sends only to subscribers with no final
/// outcome (in-flight or deferred ones get the same Message-ID again); seen items are committed
/// only when every subscriber has a final outcome, or when a later edition gives the old one up.
public struct DailyRun: Sendable {
    public var config: Config
    public var options: RunOptions
    /// Where the token secret and the SMTP password are read from.
    public var environment: [String: String]

    public init(config: Config, options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.options = options
        self.environment = environment
    }

    /// The steps, in order; each has one job (see its type).
    static let steps: [any RunStep] = [TakeRunLock(), ReadInputs(), OpenEdition(), BuildEdition(), StartEdition(),
                                       ArchiveEdition(), DeliverEdition(), RecordRefusals(), RecordEdition()]

    /// Runs the steps in order; `progress` receives short status lines for a terminal.
    public func run(logger: Logger, progress: @escaping (String) -> Void = { _ in }) throws(RunError) -> RunSummary {
        var context = RunContext(config: config, options: options, environment: environment, logger: logger, progress: progress)
        for step in Self.steps where !context.isFinished {
            try step.run(&context)
        }
        return context.summary
    }
}
