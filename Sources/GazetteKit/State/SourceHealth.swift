import Foundation

/// Per source: consecutive failed runs, the last error and the last success (`sources.json`).
struct SourceHealth: Sendable {
    struct Record: Codable, Sendable, Equatable {
        var consecutiveFailures: Int = 0
        var lastError: String?
        var lastSuccess: Date?
    }

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

    mutating func recordSuccess(_ url: String, at date: Date) {
        records[url] = Record(consecutiveFailures: 0, lastError: nil, lastSuccess: date)
    }

    mutating func recordFailure(_ url: String, error: String) {
        var record = records[url] ?? Record()
        record.consecutiveFailures += 1
        record.lastError = error
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
