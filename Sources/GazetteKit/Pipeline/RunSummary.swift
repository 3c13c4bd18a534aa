import Foundation

/// What a run did, for the final summary and the exit code.
public struct RunSummary: Sendable {
    public enum Status: Sendable, Equatable {
        /// Everyone got the edition (or there was nothing to do).
        case ok
        /// Some sources or some deliveries failed.
        case partial
    }

    /// The edition id, `<list_id>/<yyyy-mm-dd>`.
    public var edition: String
    /// A line under the edition's: why the run ended early, or that it resumed or resent the edition.
    public var note: String?
    /// URLs of the sources fetched and read.
    public var sourcesOK: [String] = []
    /// URLs of the sources that failed, each with its error.
    public var sourcesFailed: [(url: String, error: String)] = []
    /// Items in the edition.
    public var items = 0
    /// Messages delivered in this run (on a dry run, those that would be).
    public var delivered = 0
    /// Subscribers deferred (a 4xx reply, a relay or disk problem); the next run tries them again.
    public var deferred = 0
    /// Subscribers whose message was refused for good; final.
    public var failed = 0
    /// Subscribers already done in an earlier run of this edition.
    public var alreadyDone = 0
    /// Deferred and refused subscribers with the reply, at most `listedFailures` of them.
    public var failures: [(email: String, outcome: String, detail: String)] = []
    /// Wall time per stage (fetch, parse, select, ...) in seconds, in order.
    public var stageSeconds: [(stage: String, seconds: Double)] = []
    /// Set by `--dry-run`: nothing was sent and no state changed.
    public var dryRun = false
    /// Nothing was sent because the edition was done already or had nothing new.
    public var skipped = false
    /// The edition was resumed (or resent) from its saved digest: no source was fetched.
    public var fromSavedEdition = false
    /// Why delivery stopped before everyone had an outcome.
    public var stop: DeliveryStop?
    /// Subscribers never handed over because delivery stopped.
    public var notSent = 0
    /// Failures listed by `lines` (the counts above are complete).
    static let listedFailures = 100

    public init(edition: String) {
        self.edition = edition
    }

    /// `.partial` when a source failed, someone was deferred or refused, or delivery stopped.
    public var status: Status {
        sourcesFailed.isEmpty && deferred == 0 && failed == 0 && stop == nil ? .ok : .partial
    }

    /// The documented exit status: 0 all done, 1 something to retry or read, 2 something to fix,
    /// 128 + the signal when one stopped the run.
    public var exitCode: Int32 {
        if let stop { return stop.exitCode }
        return status == .ok ? 0 : 1
    }

    /// Counts one delivery result; true when it is final for its subscriber.
    mutating func count(_ result: DeliveryResult) -> Bool {
        switch result.outcome {
        case .delivered:
            delivered += 1
            return true
        case .deferred(let detail):
            deferred += 1
            if failures.count < Self.listedFailures { failures.append((result.recipient, "deferred", detail)) }
            return false
        case .failed(let detail):
            failed += 1
            if failures.count < Self.listedFailures { failures.append((result.recipient, "failed", detail)) }
            return true
        }
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
        lines.append("subscribers: \(delivered) \(verb), \(deferred) deferred, \(failed) failed"
                     + (notSent > 0 ? ", \(notSent) not sent yet" : "")
                     + (alreadyDone > 0 ? ", \(alreadyDone) already done earlier" : ""))
        if let stop {
            lines.append("stopped: \(stop.description)")
            lines.append("  \(stop.advice)")
        }
        for failure in failures.prefix(20) { lines.append("  \(failure.outcome) \(failure.email): \(failure.detail)") }
        let unlisted = deferred + failed - min(20, failures.count)
        if unlisted > 0 { lines.append("  ... and \(unlisted) more (gazette status)") }
        if !stageSeconds.isEmpty {
            lines.append("time: " + stageSeconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", "))
        }
        return lines
    }
}
