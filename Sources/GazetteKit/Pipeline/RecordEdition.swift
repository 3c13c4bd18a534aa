import Foundation

/// When nobody is left waiting for the edition, its items go into `seen.json` and the journal is
/// closed with `complete`; otherwise the journal is only synced, and the edition stays open.
struct RecordEdition: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        guard context.everyoneDone, let digest = context.digest, var seen = context.seen else {
            do { try context.journal.sync() } catch {
                if context.summary.stop == nil { context.summary.stop = .journal(error.description) }
            }
            return
        }
        let clock = Date()
        seen.record(edition: digest, at: context.options.now)
        do {
            try seen.save(now: context.options.now, storyDays: context.config.selection.storyWindowDays)
            try context.journal.append(DeliveryJournal.Entry(event: "complete", time: Date()), sync: true)
        } catch { throw .state(error) }
        context.summary.stageSeconds.append(("record", Date().timeIntervalSince(clock)))
    }
}
