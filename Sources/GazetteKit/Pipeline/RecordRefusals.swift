import Foundation
import Logging

/// Feeds the relay's permanent refusals (5xx to RCPT TO or DATA) to the bounce policy, as if a
/// bounce had arrived: a dead address is caught even when the relay never sends a bounce message.
/// A failure here is logged and never fails the run (the refusals stay in the journal).
struct RecordRefusals: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        guard !context.refusals.isEmpty else { return }
        let clock = Date()
        let config = context.config, refusals = context.refusals, now = context.options.now
        do throws(InboxError) {
            let lines = try BounceLedger.withLock(stateDirectory: config.stateDirectory, wait: 30) { () throws(InboxError) -> [String] in
                var ledger = try BounceLedger(config: config)
                let notices = refusals.map { result in
                    let finding = BounceClassifier.classify(reply: result.outcome.detail, recipient: result.recipient)
                    return InboxNotice(kind: finding.kind == .hard ? .hard : .soft, subscriberID: result.subscriberID, email: result.recipient,
                                       reason: finding.reason, status: finding.status, bouncedMessage: result.messageID)
                }
                ledger.loadHistory(for: notices, now: now)
                var lines: [String] = []
                for (notice, result) in zip(notices, refusals) {
                    lines += try ledger.apply([notice], messageKey: "smtp:" + result.messageID, source: "smtp", now: now).lines
                }
                return lines
            }
            for line in lines { context.logger.info("refused at SMTP time: \(line)") }
        } catch {
            context.logger.warning("refusals not passed to the bounce policy: \(error.description)")
        }
        context.summary.stageSeconds.append(("refusals", Date().timeIntervalSince(clock)))
    }
}
