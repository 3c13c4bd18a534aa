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
    public var environment: [String: String]

    public init(config: Config, options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.config = config
        self.options = options
        self.environment = environment
    }

    /// Messages rendered and delivered at a time.
    static let chunkSize = 500

    public func run(logger: Logger, progress: (String) -> Void = { _ in }) throws(RunError) -> RunSummary {
        let lock: RunLock?
        do {
            lock = options.dryRun ? nil : try RunLock(stateDirectory: config.stateDirectory)
        } catch {
            throw .locked(error)
        }
        if let pid = lock?.tookOverFrom {
            logger.warning("took over the run lock left by process \(pid), which is no longer running")
        }
        defer { withExtendedLifetime(lock) {} }

        let templates = try EditionPlan.templates(config)
        let tokens = try tokenSigner()
        if config.delivery.backend == .smtp, let variable = config.delivery.passwordEnv, environment[variable] == nil {
            throw .secret("delivery.smtp.password_env names $\(variable), which is not set")
        }
        // Read before anything is fetched or recorded: a broken file stops the run with nothing changed.
        let subscribers: [Subscriber]
        do {
            subscribers = try SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile)).read().subscribers
        } catch { throw .subscribers(error) }
        let plan = EditionPlan(config: config, now: options.now, writesCache: !options.dryRun)
        let edition = options.edition ?? plan.editionID
        var summary = RunSummary(edition: edition)
        summary.dryRun = options.dryRun
        let journal = DeliveryJournal(stateDirectory: config.stateDirectory, edition: edition)

        if journal.isComplete, !options.force {
            summary.note = "edition \(edition) was already delivered; nothing to send (use --force to send it again)"
            summary.skipped = true
            return summary
        }
        var (seen, health) = try EditionPlan.state(config)
        try checkSeenItems(seen)
        if !options.dryRun { try giveUpOlderEditions(than: edition, seen: &seen, logger: logger) }

        // The edition's content: saved when it was first built, so a resumed run sends the same digest.
        var digest: Digest
        var saved: Digest?
        if journal.exists {
            do {
                saved = try journal.loadDigest()
            } catch {
                // A damaged snapshot is rebuilt only when asked (--force sends to everyone again).
                guard options.force else { throw .state(error) }
                logger.warning("\(error.description)")
            }
        }
        if let saved {
            digest = saved
            summary.fromSavedEdition = true
            summary.note = options.force ? "sending edition \(edition) again (--force)" : "resuming edition \(edition) from its journal"
            progress("\(options.force ? "resending" : "resuming") \(edition): \(digest.itemCount) items from the saved edition")
            if options.force, !options.dryRun { try start(journal, digest, edition: edition, detail: "forced") }
        } else {
            progress("fetching \(config.sources.count) sources")
            let built = plan.build(edition: edition, seen: seen, health: health)
            digest = built.digest
            health = built.health
            summary.stageSeconds = [("fetch", built.timings.fetch), ("parse", built.timings.parse),
                                    ("select", built.selectSeconds), ("articles", built.timings.articles)]
            for outcome in built.outcomes {
                if let error = outcome.error {
                    summary.sourcesFailed.append((outcome.source.url, error))
                    logger.warning("source failed", metadata: ["url": "\(outcome.source.url)", "error": "\(error)"])
                } else {
                    summary.sourcesOK.append(outcome.source.url)
                }
            }
            progress("selected \(digest.itemCount) new items from \(summary.sourcesOK.count) sources (\(summary.sourcesFailed.count) failed)")
            if !options.dryRun {
                do { try health.save() } catch { throw .state(error) }
            }
            if let signal = options.interruption?.signal {
                summary.stop = .signal(signal)
                summary.note = "stopped by \(Interruption.name(of: signal)) before the edition started; nothing sent"
                return summary
            }
            if digest.itemCount == 0, config.selection.skipEmpty {
                summary.note = summary.sourcesOK.isEmpty && !summary.sourcesFailed.isEmpty
                    ? "every source failed (\(summary.sourcesFailed.count)); no edition sent"
                    : "nothing new since the last edition; no edition sent (selection.skip_empty)"
                summary.skipped = true
                return summary
            }
            if !options.dryRun { try start(journal, digest, edition: edition, detail: nil) }
        }
        summary.items = digest.itemCount

        // Who still needs this edition: active, chosen by --only, and without a final outcome.
        let onlySet = Set(options.only.map { $0.lowercased() })
        let finished = journal.finishedSubscribers()
        var pending: [Int] = []
        var activeLeft = 0
        for (index, subscriber) in subscribers.enumerated() where subscriber.status == .active {
            if finished.contains(subscriber.id) {
                summary.alreadyDone += 1
                continue
            }
            activeLeft += 1
            if !onlySet.isEmpty, !onlySet.contains(subscriber.email.lowercased()) { continue }
            pending.append(index)
        }

        var clock = Date()
        let factory = MessageFactory(config: config, digest: digest, templates: templates, tokens: tokens)
        if options.dryRun {
            // Render every message (that is what would be sent) without keeping them.
            for index in pending { _ = factory.message(for: subscribers[index]) }
            summary.stageSeconds.append(("render", Date().timeIntervalSince(clock)))
            summary.delivered = pending.count
            return summary
        }
        // Render and deliver in chunks, so memory holds a chunk of messages, not the whole list.
        let backend = self.backend()
        let control = DeliveryControl(maxMinutes: config.delivery.maxMinutes, breakerThreshold: config.delivery.stopAfterFailures,
                                      interruption: options.interruption)
        var renderSeconds = 0.0
        var deliverSeconds = 0.0
        var finals = 0
        var handedOver = 0
        for start in stride(from: 0, to: pending.count, by: Self.chunkSize) where !control.isStopped {
            clock = Date()
            let messages = pending[start..<min(pending.count, start + Self.chunkSize)].map { factory.message(for: subscribers[$0]) }
            renderSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            let results = backend.deliver(messages, observer: journal, control: control)
            deliverSeconds += Date().timeIntervalSince(clock)
            handedOver += results.count
            for result in results { finals += summary.count(result) ? 1 : 0 }
            if pending.count > Self.chunkSize {
                progress("\(min(pending.count, start + Self.chunkSize)) of \(pending.count) messages handed over")
            }
        }
        summary.stageSeconds.append(("render", renderSeconds))
        summary.stageSeconds.append(("deliver", deliverSeconds))
        summary.notSent = pending.count - handedOver
        if let stop = control.stopReason, summary.notSent > 0 || finals < pending.count || stop.isSignal {
            summary.stop = stop
            logger.error("delivery stopped: \(stop.description)")
        }
        progress("delivered \(summary.delivered), deferred \(summary.deferred), failed \(summary.failed)")

        // Commit seen items only when nobody is left waiting for this edition.
        if finals == activeLeft, onlySet.isEmpty {
            clock = Date()
            for item in digest.sections.flatMap(\.items) { seen.record(item.keys, at: options.now) }
            do {
                try seen.save(now: options.now)
                try journal.append(DeliveryJournal.Entry(event: "complete", time: Date()), sync: true)
            } catch { throw .state(error) }
            summary.stageSeconds.append(("record", Date().timeIntervalSince(clock)))
        } else {
            do { try journal.sync() } catch {
                if summary.stop == nil { summary.stop = .journal(error.description) }
            }
        }
        return summary
    }

    /// A state folder that sent editions but has no `seen.json` would send every story again.
    private func checkSeenItems(_ seen: SeenItems) throws(RunError) {
        guard !seen.existed, !options.resetSeen else { return }
        let directory = (config.stateDirectory as NSString).appendingPathComponent("editions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let closed = names.filter { $0.hasSuffix(".jsonl") }.filter { name in
            DeliveryJournal(stateDirectory: config.stateDirectory, edition: String(name.dropLast(6))).isComplete
        }
        guard !closed.isEmpty else { return }
        throw .state(StateError(path: seen.path, message: "is missing, but \(closed.count) edition(s) were sent from this state folder; "
                                + "without it every story still in the feeds would be sent again. Restore it from a backup, "
                                + "or run with --reset-seen if starting afresh is intended"))
    }

    /// Opens the edition's journal (the old one kept aside with `--force`) with its saved digest.
    private func start(_ journal: DeliveryJournal, _ digest: Digest, edition: String, detail: String?) throws(RunError) {
        if options.force { journal.archive() }
        do {
            try journal.saveDigest(digest)
            let note = ["\(digest.itemCount) items", detail].compactMap { $0 }.joined(separator: ", ")
            try journal.append(DeliveryJournal.Entry(event: "start", time: options.now, edition: edition, detail: note), sync: true)
        } catch { throw .state(error) }
    }

    private func tokenSigner() throws(RunError) -> UnsubscribeToken? {
        guard let secret = environment[config.unsubscribeSecretEnv], !secret.isEmpty else {
            if RecipientFactory.needsSecret(config.links) {
                throw .secret("the links use {token} but $\(config.unsubscribeSecretEnv) is not set (secrets.unsubscribe_secret_env)")
            }
            return nil
        }
        return UnsubscribeToken(secret: secret)
    }

    func backend() -> any DeliveryBackend {
        switch config.delivery.backend {
        case .outbox: return OutboxDelivery(directory: config.delivery.outbox, concurrency: 4)
        case .stdout: return StandardOutputDelivery()
        case .smtp:
            var settings = config.delivery.smtp ?? SMTPSettings(url: "smtp://localhost")
            if let variable = config.delivery.passwordEnv { settings.password = environment[variable] }
            return SMTPDelivery(settings: settings)
        }
    }

    /// Closes earlier editions still open (someone deferred): their items count as sent.
    private func giveUpOlderEditions(than edition: String, seen: inout SeenItems, logger: Logger) throws(RunError) {
        let directory = (config.stateDirectory as NSString).appendingPathComponent("editions")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let current = DeliveryJournal.fileName(edition)
        var changed = false
        for name in names where name.hasSuffix(".jsonl") && name != current + ".jsonl" {
            let old = DeliveryJournal(stateDirectory: config.stateDirectory, edition: String(name.dropLast(6)))
            guard !old.isComplete else { continue }
            do {
                for item in try old.loadDigest().sections.flatMap(\.items) { seen.record(item.keys, at: options.now) }
                changed = true
            } catch {
                logger.warning("\(error.description)")
            }
            do {
                try old.append(DeliveryJournal.Entry(event: "abandoned", time: Date(), detail: "superseded by \(edition)"), sync: true)
            } catch { throw .state(error) }
            logger.warning("gave up edition \(name.dropLast(6)): some subscribers never got it (see gazette status)")
        }
        if changed {
            do { try seen.save(now: options.now) } catch { throw .state(error) }
        }
    }
}
