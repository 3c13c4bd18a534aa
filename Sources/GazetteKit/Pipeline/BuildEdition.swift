import Foundation
import Logging

/// A new edition's content: fetch, read, select and summarise (see `EditionBuilder`); the
/// sources' outcomes go into the summary and their health is saved. An edition with nothing new
/// ends the run (`selection.skip_empty`), as does a signal that came meanwhile.
struct BuildEdition: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        if context.resumed {
            context.summary.fromSavedEdition = true
            let forced = context.options.force
            context.summary.note = forced ? "sending edition \(context.edition) again (--force)" : "resuming edition \(context.edition) from its journal"
            context.progress("\(forced ? "resending" : "resuming") \(context.edition): \(context.digest?.itemCount ?? 0) items from the saved edition")
            return
        }
        context.progress("fetching \(context.config.sources.count) sources")
        let builder = EditionBuilder(config: context.config, now: context.options.now, writesCache: !context.options.dryRun)
        let built = builder.build(edition: context.edition, seen: context.seen!, health: context.health!)
        context.digest = built.digest
        context.summary.stageSeconds = built.timings
        for outcome in built.outcomes {
            if let error = outcome.error {
                context.summary.sourcesFailed.append((outcome.source.url, error.description))
                context.logger.warning("source failed", metadata: ["url": "\(outcome.source.url)", "error": "\(error)"])
            } else {
                context.summary.sourcesOK.append(outcome.source.url)
            }
        }
        let summary = context.summary
        context.progress("selected \(built.digest.itemCount) new items from \(summary.sourcesOK.count) sources (\(summary.sourcesFailed.count) failed)")
        if !context.options.dryRun {
            do {
                try built.health.save()
                try SelectionLog(stateDirectory: context.config.stateDirectory).save(built.decisions, edition: context.edition)
            } catch { throw .state(error) }
        }
        if let signal = context.options.interruption?.signal {
            context.summary.stop = .signal(signal)
            return context.finish("stopped by \(Interruption.name(of: signal)) before the edition started; nothing sent", skipped: false)
        }
        if built.digest.itemCount == 0, context.config.selection.skipEmpty {
            context.finish(summary.sourcesOK.isEmpty && !summary.sourcesFailed.isEmpty
                           ? "every source failed (\(summary.sourcesFailed.count)); no edition sent"
                           : "nothing new since the last edition; no edition sent (selection.skip_empty)")
        }
    }
}
