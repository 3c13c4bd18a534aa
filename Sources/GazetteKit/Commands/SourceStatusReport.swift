import Foundation

/// `gazette status --sources`: each configured source's health from `sources.json`.
public struct SourceStatusReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var url: String
        public var section: String
        public var lastSuccess: Date?
        public var consecutiveFailures: Int
        /// What the source returned last time (`feed, 25 entries`, `not a feed`, `error: ...`).
        public var lastResult: String
        public var recentItems: Int?
        public var newestItem: Date?
        /// No item newer than 30 days (or none ever) although the source has been read.
        public var possiblyDead: Bool
    }

    public var rows: [Row]

    public static func load(config: Config) throws(StateError) -> SourceStatusReport {
        let health = try SourceHealth(stateDirectory: config.stateDirectory)
        let rows = config.sources.map { source -> Row in
            let record = health.records[source.url]
            var result = "never read"
            if let record, let last = record.lastResult {
                result = last == "feed" ? "feed, \(record.entries ?? 0) entries" : last
                if let error = record.lastError, last != "feed", last != "article page" { result += ": " + error }
            }
            // Dead-looking: read successfully, yet nothing dated within 30 days of the last read.
            var dead = false
            if source.kind == .feed, let record, record.lastSuccess != nil, let reference = record.lastRun ?? record.lastSuccess {
                dead = record.newestItem.map { $0 < reference.addingTimeInterval(-SourceHealth.quietDays * 86_400) } ?? true
            }
            return Row(url: source.url, section: source.section, lastSuccess: record?.lastSuccess,
                       consecutiveFailures: record?.consecutiveFailures ?? 0, lastResult: result, recentItems: record?.recentItems,
                       newestItem: record?.newestItem, possiblyDead: dead)
        }
        return SourceStatusReport(rows: rows)
    }

    /// What `gazette status --sources` prints: one block per source.
    public var lines: [String] {
        var lines: [String] = []
        for row in rows {
            lines.append("\(row.url)  [\(row.section)]")
            lines.append("  last success \(row.lastSuccess.map(Timestamp.rfc3339) ?? "never"), \(row.consecutiveFailures) failed runs in a row")
            lines.append("  last time: \(row.lastResult)")
            lines.append("  items in the last 30 days: \(row.recentItems.map(String.init) ?? "-"), newest \(row.newestItem.map(Timestamp.rfc3339) ?? "-")"
                         + (row.possiblyDead ? "  POSSIBLY DEAD: no new item for 30 days" : ""))
        }
        let dead = rows.filter(\.possiblyDead).count, failing = rows.filter { $0.consecutiveFailures > 0 }.count
        lines.append("\(rows.count) sources: \(failing) failing, \(dead) possibly dead")
        return lines
    }
}
