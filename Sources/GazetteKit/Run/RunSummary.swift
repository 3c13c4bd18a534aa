import Foundation

/// What a run did, for the final summary and the exit code.
public struct RunSummary: Sendable {
    public enum Status: Sendable, Equatable {
        /// Everyone got the edition (or there was nothing to do).
        case ok
        /// Some sources or some deliveries failed.
        case partial
    }

    public var edition: String
    public var note: String?
    public var sourcesOK: [String] = []
    public var sourcesFailed: [(url: String, error: String)] = []
    public var items = 0
    public var delivered = 0
    public var deferred = 0
    public var failed = 0
    /// Subscribers already done in an earlier run of this edition.
    public var alreadyDone = 0
    public var failures: [(email: String, outcome: String, detail: String)] = []
    public var stageSeconds: [(stage: String, seconds: Double)] = []
    public var dryRun = false
    /// Nothing was sent because the edition was done already or had nothing new.
    public var skipped = false
    /// The edition was resumed (or resent) from its saved digest: no source was fetched.
    public var fromSavedEdition = false

    public init(edition: String) {
        self.edition = edition
    }

    public var status: Status {
        sourcesFailed.isEmpty && deferred == 0 && failed == 0 ? .ok : .partial
    }

    /// The lines printed at the end of a run.
    public var lines: [String] {
        var lines = ["edition \(edition)" + (dryRun ? " (dry run: nothing sent, no state changed)" : "")]
        if let note { lines.append(note) }
        if skipped, sourcesOK.isEmpty, sourcesFailed.isEmpty { return lines }
        if fromSavedEdition {
            lines.append("sources: not fetched (the edition's saved digest was used)")
        } else {
            lines.append("sources: \(sourcesOK.count) ok, \(sourcesFailed.count) failed")
        }
        for failure in sourcesFailed { lines.append("  failed source \(failure.url): \(failure.error)") }
        lines.append("items: \(items)")
        let verb = dryRun ? "would deliver" : "delivered"
        lines.append("subscribers: \(delivered) \(verb), \(deferred) deferred, \(failed) failed" + (alreadyDone > 0 ? ", \(alreadyDone) already done earlier" : ""))
        for failure in failures.prefix(20) { lines.append("  \(failure.outcome) \(failure.email): \(failure.detail)") }
        if failures.count > 20 { lines.append("  ... and \(failures.count - 20) more (gazette status)") }
        if !stageSeconds.isEmpty {
            lines.append("time: " + stageSeconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", "))
        }
        return lines
    }
}
