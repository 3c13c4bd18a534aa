import Foundation
import Logging

/// Renders and hands over one message per active subscriber who has no final outcome for this
/// edition yet, in chunks (memory holds a chunk of messages, not the whole list), with the
/// journal observing each message and the delivery control able to stop the hand-out.
struct DeliverEdition: RunStep {
    /// Messages rendered and delivered at a time.
    static let chunkSize = 500

    func run(_ context: inout RunContext) throws(RunError) {
        guard let digest = context.digest, let templates = context.templates else { return }
        let options = context.options
        // Who still needs this edition: active, chosen by --only, and without a final outcome.
        let onlySet = Set(options.only.map { $0.lowercased() })
        let finished = context.journal.finishedSubscribers()
        var pending: [Int] = []
        var waiting = 0
        for (index, subscriber) in context.subscribers.enumerated() where subscriber.receivesEditions(at: options.now) {
            if finished.contains(subscriber.id) {
                context.summary.alreadyDone += 1
                continue
            }
            waiting += 1
            if !onlySet.isEmpty, !onlySet.contains(subscriber.email.lowercased()) { continue }
            pending.append(index)
        }

        var clock = Date()
        let factory = MessageFactory(config: context.config, digest: digest, templates: templates, tokens: context.secrets?.tokens)
        if options.dryRun {
            // Render every message (that is what would be sent) without keeping them.
            for index in pending { _ = factory.message(for: context.subscribers[index]) }
            context.summary.stageSeconds.append(("render", Date().timeIntervalSince(clock)))
            context.summary.delivered = pending.count
            context.isFinished = true
            return
        }
        let backend = Config.backend(context.config, password: context.secrets?.smtpPassword)
        let control = DeliveryControl(maxMinutes: context.config.delivery.maxMinutes,
                                      breakerThreshold: context.config.delivery.stopAfterFailures, interruption: options.interruption)
        var renderSeconds = 0.0, deliverSeconds = 0.0
        var finals = 0, handedOver = 0
        for start in stride(from: 0, to: pending.count, by: Self.chunkSize) where !control.isStopped {
            clock = Date()
            let messages = pending[start..<min(pending.count, start + Self.chunkSize)].map { factory.message(for: context.subscribers[$0]) }
            renderSeconds += Date().timeIntervalSince(clock)
            clock = Date()
            let results = backend.deliver(messages, observer: context.journal, control: control)
            deliverSeconds += Date().timeIntervalSince(clock)
            handedOver += results.count
            for result in results {
                finals += context.summary.count(result) ? 1 : 0
                if case .failed = result.outcome, context.config.delivery.backend == .smtp { context.refusals.append(result) }
            }
            if pending.count > Self.chunkSize {
                context.progress("\(min(pending.count, start + Self.chunkSize)) of \(pending.count) messages handed over")
            }
        }
        context.summary.stageSeconds += [("render", renderSeconds), ("deliver", deliverSeconds)]
        context.summary.notSent = pending.count - handedOver
        if let stop = control.stopReason, context.summary.notSent > 0 || finals < pending.count || stop.isSignal {
            context.summary.stop = stop
            context.logger.error("delivery stopped: \(stop.description)")
        }
        let summary = context.summary
        context.progress("delivered \(summary.delivered), deferred \(summary.deferred), failed \(summary.failed)")
        context.everyoneDone = finals == waiting && onlySet.isEmpty
    }
}
