import Foundation

/// Per source: consecutive failed runs, the last error and the last success, what the source
/// returned last time and how recent its items were (`sources.json`).
struct SourceHealth: Sendable {
    struct Record: Codable, Sendable, Equatable {
        var consecutiveFailures: Int = 0
        var lastError: String?
        var lastSuccess: Date?
        /// When it was last read, successfully or not.
        var lastRun: Date?
        /// What it returned last time: `feed`, `article page`, `not a feed`, `error`.
        var lastResult: String?
        /// Entries in the document last read.
        var entries: Int?
        /// Items dated within the 30 days before the last successful read.
        var recentItems: Int?
        /// The newest item date seen in any read.
        var newestItem: Date?
    }

    /// Days without a new item after which a source is flagged as possibly dead.
    static let quietDays: Double = 30

    private(set) var records: [String: Record]
    let path: String

    init(stateDirectory: String) throws(StateError) {
        path = (stateDirectory as NSString).appendingPathComponent("sources.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            records = [:]
            return
        }
        do {
            records = try JSON.decode([String: Record].self, from: data)
        } catch {
            throw StateError(path: path, message: "is damaged (\(error)); move it aside to start afresh")
        }
    }

    /// Whether the source has ever been read successfully (a new source gets the lookback window).
    func hasSucceeded(_ url: String) -> Bool { records[url]?.lastSuccess != nil }

    /// A successful read: `result` says what came back, `dates` are the item dates it held.
    mutating func recordSuccess(_ url: String, at date: Date, result: String = "feed", entries: Int? = nil, dates: [Date] = []) {
        var record = records[url] ?? Record()
        record.consecutiveFailures = 0
        record.lastError = nil
        record.lastSuccess = date
        record.lastRun = date
        record.lastResult = result
        record.entries = entries
        let windowStart = date.addingTimeInterval(-Self.quietDays * 86_400)
        record.recentItems = dates.filter { $0 >= windowStart && $0 <= date.addingTimeInterval(86_400) }.count
        if let newest = dates.filter({ $0 <= date.addingTimeInterval(86_400) }).max() { record.newestItem = max(newest, record.newestItem ?? newest) }
        records[url] = record
    }

    mutating func recordFailure(_ url: String, error: String, at date: Date? = nil, result: String = "error") {
        var record = records[url] ?? Record()
        record.consecutiveFailures += 1
        record.lastError = error
        record.lastRun = date ?? record.lastRun
        record.lastResult = result
        records[url] = record
    }

    /// Sources that have failed on at least `runs` consecutive runs.
    func failing(after runs: Int) -> [String] {
        records.filter { $0.value.consecutiveFailures >= runs }.keys.sorted()
    }

    func save() throws(StateError) {
        do {
            try AtomicFile.write(try JSON.encode(records), to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error)")
        }
    }
}
