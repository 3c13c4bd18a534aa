import Foundation
import Logging

/// Today's edition: done already (nothing to do), open (resume its saved digest), or new.
/// Reads seen items and source health, refuses a state folder that lost `seen.json`, and gives up
/// earlier editions still open.
struct OpenEdition: RunStep {
    func run(_ context: inout RunContext) throws(RunError) {
        let options = context.options
        if context.journal.isComplete, !options.force {
            return context.finish("edition \(context.edition) was already delivered; nothing to send (use --force to send it again)")
        }
        var (seen, health) = try EditionBuilder.state(context.config)
        try Self.checkSeenItems(seen, config: context.config, resetSeen: options.resetSeen)
        if !options.dryRun { try Self.giveUpEditions(before: context.edition, seen: &seen, context: context) }
        context.seen = seen
        context.health = health
        // A damaged snapshot is rebuilt only when asked (--force sends to everyone again).
        guard context.journal.exists else { return }
        do {
            context.digest = try context.journal.loadDigest()
            context.resumed = true
        } catch {
            guard options.force else { throw .state(error) }
            context.logger.warning("\(error.description)")
        }
    }

    /// A state folder that sent editions but has no `seen.json` would send every story again.
    static func checkSeenItems(_ seen: SeenItems, config: Config, resetSeen: Bool) throws(RunError) {
        guard !seen.existed, !resetSeen else { return }
        let closed = DeliveryJournal.editions(in: config.stateDirectory).filter(\.isComplete)
        guard !closed.isEmpty else { return }
        throw .state(StateError(path: seen.path, message: "is missing, but \(closed.count) edition(s) were sent from this state folder; "
                                + "without it every story still in the feeds would be sent again. Restore it from a backup, "
                                + "or run with --reset-seen if starting afresh is intended"))
    }

    /// Closes earlier editions still open (someone deferred): their items count as sent.
    static func giveUpEditions(before edition: String, seen: inout SeenItems, context: RunContext) throws(RunError) {
        var changed = false
        for old in DeliveryJournal.editions(in: context.config.stateDirectory) where old.edition != DeliveryJournal.fileName(edition) {
            guard !old.isComplete else { continue }
            do {
                seen.record(edition: try old.loadDigest(), at: context.options.now)
                changed = true
            } catch {
                context.logger.warning("\(error.description)")
            }
            do {
                try old.append(DeliveryJournal.Entry(event: "abandoned", time: Date(), detail: "superseded by \(edition)"), sync: true)
            } catch { throw .state(error) }
            context.logger.warning("gave up edition \(old.edition): some subscribers never got it (see gazette status)")
        }
        if changed {
            do { try seen.save(now: context.options.now, storyDays: context.config.selection.storyWindowDays) } catch { throw .state(error) }
        }
    }
}
