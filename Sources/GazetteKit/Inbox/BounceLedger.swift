import Foundation

/// Applies what bounce reports, complaints, unsubscribe requests and SMTP refusals say to the
/// subscriber list under the policy, one message at a time: the subscriber changes go into the
/// list's change log (locked, fsynced, the path every change takes), then the events into the
/// bounce log, and only then is the message marked handled. A message whose key is already in the
/// log changes nothing. Used under `inbox.lock` (see `withLock`).
struct BounceLedger {
    let store: SubscriberStore
    let log: BounceLog
    let policy: BouncePolicy
    let stateDirectory: String
    /// The bounce log's events per subscriber, and the messages processed from a mailbox.
    private var eventsBySubscriber: [String: [BounceEvent]] = [:]
    private(set) var processedKeys: Set<String> = []
    private var list: SubscriberList
    private var indexByID: [String: Int] = [:]
    private var history = DeliveryHistory(stateDirectory: "", subscribers: [], since: .distantPast)

    init(config: Config) throws(InboxError) {
        store = SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile))
        log = BounceLog(stateDirectory: config.stateDirectory)
        policy = BouncePolicy(config.inbox)
        stateDirectory = config.stateDirectory
        do { list = try store.read() } catch { throw .state(error.description) }
        remember(log.events())
        for (index, subscriber) in list.subscribers.enumerated() { indexByID[subscriber.id] = index }
    }

    /// Takes `inbox.lock` in the state folder for `body`, waiting up to `wait` seconds.
    static func withLock<T>(stateDirectory: String, wait: Double = 60, _ body: () throws(InboxError) -> T) throws(InboxError) -> T {
        let path = (stateDirectory as NSString).appendingPathComponent("inbox.lock")
        try? FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        let file: PosixFile, locked: Bool
        do throws(PosixError) {
            file = try PosixFile(path: path, flags: O_RDWR | O_CREAT)
            locked = try file.lock(exclusive: true, wait: wait)
        } catch {
            throw .state("\(path): \(error.reason)")
        }
        guard locked else { throw .busy("\(path): another gazette inbox (or a run recording refusals) has held it for \(Int(wait)) s") }
        defer { file.unlock() }
        return try body()
    }

    /// Keys of the messages already processed.
    private mutating func remember(_ events: [BounceEvent]) {
        for event in events {
            eventsBySubscriber[event.subscriber, default: []].append(event)
            if event.source == "inbox" { processedKeys.insert(event.message) }
        }
    }

    /// The subscriber a notice is about: by id when the message said, else by the address named.
    func subscriber(for notice: InboxNotice) -> Subscriber? {
        if let id = notice.subscriberID { return indexByID[id].map { list.subscribers[$0] } }
        guard !notice.email.isEmpty, let index = list.index(of: notice.email) else { return nil }
        return list.subscribers[index]
    }

    /// Reads the journals for the subscribers these notices concern (once per batch).
    mutating func loadHistory(for notices: [InboxNotice], now: Date) {
        let ids = Set(notices.compactMap { subscriber(for: $0)?.id })
        history = DeliveryHistory(stateDirectory: stateDirectory, subscribers: ids,
                                  since: now.addingTimeInterval(-(policy.softDays + 2) * 86_400))
    }

    /// Applies one message's notices and records them; returns a line per notice for the report.
    /// What a message's notices did: a report line per notice, and the events written.
    mutating func apply(_ notices: [InboxNotice], messageKey: String, source: String, now: Date) throws(InboxError)
        -> (lines: [String], events: [BounceEvent]) {
        var lines: [String] = [], changes: [SubscriberChange] = [], written: [BounceEvent] = []
        for notice in notices {
            guard let subscriber = subscriber(for: notice) else {
                let named = notice.email.isEmpty ? "an address it does not name" : notice.email
                lines.append("\(notice.kind.rawValue) for \(named), which is not on the list: nothing changed")
                continue
            }
            guard notice.actionable else {
                lines.append("\(notice.kind.rawValue) request from \(notice.email): \(notice.note ?? "not acted on")")
                continue
            }
            var kind = notice.kind, detail = notice.note
            if kind == .hard, notice.subscriberID != nil, !notice.email.isEmpty,
               notice.email.lowercased() != subscriber.email.lowercased() {
                // Our message reached the subscriber, who forwards it; the forwarding target failed.
                kind = .soft
                detail = "reported for \(notice.email), an address \(subscriber.email) forwards to"
            }
            let sent = notice.bouncedMessage.flatMap { history.byMessage[$0] }
            var event = BounceEvent(time: now, source: source, message: messageKey, subscriber: subscriber.id, email: subscriber.email,
                                    kind: kind, reason: notice.reason, status: notice.status, action: .none,
                                    edition: sent?.edition, bounced: notice.bouncedMessage, sent: sent?.time, detail: detail)
            let suppressible = subscriber.status == .active || subscriber.status == .pending
            switch kind {
            case .hard:
                if suppressible { event.action = .bounced; changes.append(SubscriberChange(kind: .bounce, time: now, id: subscriber.id)) }
            case .soft:
                event.action = .counted
                let count = policy.softCount(events: (eventsBySubscriber[subscriber.id] ?? []) + written.filter { $0.subscriber == subscriber.id } + [event],
                                             deliveries: history.bySubscriber[subscriber.id] ?? [], now: now)
                let tally = "soft bounce \(count) of \(policy.softLimit) within \(Int(policy.softDays)) days"
                event.detail = [detail, tally].compactMap { $0 }.joined(separator: "; ")
                if count >= policy.softLimit, suppressible {
                    event.action = .bounced
                    changes.append(SubscriberChange(kind: .bounce, time: now, id: subscriber.id))
                }
            case .complaint, .unsubscribe:
                if subscriber.status != .unsubscribed {
                    event.action = .unsubscribed
                    changes.append(SubscriberChange(kind: kind == .complaint ? .complaint : .unsubscribe, time: now, id: subscriber.id))
                }
            }
            if event.action == .none, detail == nil { event.detail = "already \(subscriber.status.rawValue)" }
            for change in changes.suffix(1) where change.id == subscriber.id { change.apply(to: &list) }
            written.append(event)
            lines.append(Self.line(event))
        }
        do { try store.record(changes) } catch { throw .state(error.description) }
        do { try log.append(written) } catch { throw .state(error.description) }
        remember(written)
        return (lines, written)
    }

    /// `hard bounce for jo@example.org (userunknown 5.1.1): bounced`.
    static func line(_ event: BounceEvent) -> String {
        let why = [event.reason, event.status].filter { !$0.isEmpty }.joined(separator: " ")
        let what = event.kind == .complaint ? "complaint" : event.kind == .unsubscribe ? "unsubscribe request" : "\(event.kind.rawValue) bounce"
        let outcome = event.action == .counted ? "counted" : event.action == .none ? "nothing changed" : event.action.rawValue
        return "\(what) for \(event.email)\(why.isEmpty ? "" : " (\(why))"): \(outcome)" + (event.detail.map { " (\($0))" } ?? "")
    }
}
