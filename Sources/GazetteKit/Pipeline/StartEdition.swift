import Foundation

/// Saves the edition's digest and opens its journal with a `start` line, before anything is
/// sent: for a new edition, and for one sent again with `--force` (the old journal kept aside).
struct StartEdition: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        guard let digest = context.digest else { return }
        context.summary.items = digest.itemCount
        guard !context.options.dryRun, !context.resumed || context.options.force else { return }
        let journal = context.journal
        if context.options.force { journal.archive() }
        do {
            try journal.saveDigest(digest)
            let note = ["\(digest.itemCount) items", context.resumed ? "forced" : nil].compactMap { $0 }.joined(separator: ", ")
            try journal.append(DeliveryJournal.Entry(event: "start", time: context.options.now, edition: context.edition, detail: note),
                               sync: true)
        } catch { throw .state(error) }
    }
}
