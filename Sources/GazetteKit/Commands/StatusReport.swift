import Foundation

/// `gazette status`: from an edition's journal, who got it, who did not, and why.
public struct StatusReport: Sendable {
    /// One subscriber's latest state in the journal.
    public struct Row: Sendable, Equatable {
        public var email: String
        /// `delivered`, `deferred`, `failed`, `in flight` (a run died while sending) or `not sent`.
        public var state: String
        /// The server's reply or other reason; empty when there is none.
        public var detail: String
        /// When the journal line was written; nil for a subscriber not sent yet.
        public var time: Date?
    }

    public var edition: String
    /// When the edition's first run began; nil when the journal has no `start` line.
    public var started: Date?
    /// `complete at <time>` or `abandoned at <time>`; nil while the edition is open.
    public var closed: String?
    /// One per subscriber, in journal order, then active subscribers not sent yet.
    public var rows: [Row]
    /// Bounces, complaints and SMTP refusals about this edition's messages, by kind.
    public var bounces: [BounceEvent.Kind: Int] = [:]

    /// The report for `edition` (default: the newest journal in the state folder).
    public static func load(config: Config, edition: String?) throws(StateError) -> StatusReport {
        let directory = (config.stateDirectory as NSString).appendingPathComponent("editions")
        var chosen = edition
        if chosen == nil {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { $0.hasSuffix(".jsonl") }.sorted() ?? []
            guard let last = names.last else { throw StateError(path: directory, message: "no edition has been run yet") }
            chosen = String(last.dropLast(6))
        }
        let journal = DeliveryJournal(stateDirectory: config.stateDirectory, edition: chosen!)
        guard journal.exists else { throw StateError(path: journal.path, message: "no journal for edition \(chosen!)") }
        let entries = journal.entries()
        var rows: [String: Row] = [:]
        var order: [String] = []
        for entry in entries {
            guard let id = entry.subscriber else { continue }
            if rows[id] == nil { order.append(id) }
            let state = entry.event == "sending" ? "in flight" : (entry.outcome ?? entry.event)
            rows[id] = Row(email: entry.email ?? id, state: state, detail: entry.detail ?? "", time: entry.time)
        }
        // Active subscribers the journal never mentions have not been sent this edition.
        if let list = try? SubscriberStore(url: URL(fileURLWithPath: config.subscribersFile)).read() {
            for subscriber in list.subscribers where subscriber.receivesEditions(at: Date()) && rows[subscriber.id] == nil {
                order.append(subscriber.id)
                rows[subscriber.id] = Row(email: subscriber.email, state: "not sent", detail: "", time: nil)
            }
        }
        // What came back afterwards: bounces, complaints, refusals.
        var bounces: [BounceEvent.Kind: Int] = [:]
        for event in BounceHistory.events(forEdition: chosen!, stateDirectory: config.stateDirectory) {
            bounces[event.kind, default: 0] += 1
            guard var row = rows[event.subscriber] else { continue }
            let why = [event.reason, event.status].filter { !$0.isEmpty }.joined(separator: " ")
            row.detail += (row.detail.isEmpty ? "" : "; ") + "then \(event.kind == .complaint ? "a complaint" : "a \(event.kind.rawValue) bounce") (\(why))"
            rows[event.subscriber] = row
        }
        let closing = entries.last { $0.event == "complete" || $0.event == "abandoned" }
        var report = StatusReport(edition: entries.first { $0.event == "start" }?.edition ?? chosen!,
                                  started: entries.first { $0.event == "start" }?.time,
                                  closed: closing.map { "\($0.event) at \(Timestamp.rfc3339($0.time))" },
                                  rows: order.compactMap { rows[$0] })
        report.bounces = bounces
        return report
    }

    /// Subscribers per state.
    public var counts: [String: Int] {
        rows.reduce(into: [:]) { $0[$1.state, default: 0] += 1 }
    }

    /// What `gazette status` prints.
    public var lines: [String] {
        var lines = ["edition \(edition)" + (started.map { ", started \(Timestamp.rfc3339($0))" } ?? "")
                     + ", " + (closed ?? "open")]
        lines.append(counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        if !bounces.isEmpty {
            let kinds: [BounceEvent.Kind] = [.hard, .soft, .complaint, .unsubscribe]
            lines.append("came back: " + kinds.compactMap { kind in bounces[kind].map { "\($0) \(kind == .hard || kind == .soft ? "\(kind.rawValue) bounce" : kind.rawValue)\($0 == 1 ? "" : "s")" } }
                .joined(separator: ", "))
        }
        let width = min(40, rows.map(\.email.count).max() ?? 5)
        for row in rows {
            let email = row.email.padding(toLength: max(width, row.email.count), withPad: " ", startingAt: 0)
            let state = row.state.padding(toLength: 10, withPad: " ", startingAt: 0)
            lines.append("\(email)  \(state) \(row.time.map(Timestamp.rfc3339) ?? "-")  \(row.detail)")
        }
        return lines
    }
}
