import Foundation

/// Per source: consecutive failed runs, the last error and the last success (`sources.json`).
public struct SourceHealth: Sendable {
    public struct Record: Codable, Sendable, Equatable {
        public var consecutiveFailures: Int = 0
        public var lastError: String?
        public var lastSuccess: Date?
    }

    public private(set) var records: [String: Record]
    public let path: String

    public init(stateDirectory: String) throws(StateError) {
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
    public func hasSucceeded(_ url: String) -> Bool { records[url]?.lastSuccess != nil }

    public mutating func recordSuccess(_ url: String, at date: Date) {
        records[url] = Record(consecutiveFailures: 0, lastError: nil, lastSuccess: date)
    }

    public mutating func recordFailure(_ url: String, error: String) {
        var record = records[url] ?? Record()
        record.consecutiveFailures += 1
        record.lastError = error
        records[url] = record
    }

    /// Sources that have failed on at least `runs` consecutive runs.
    public func failing(after runs: Int) -> [String] {
        records.filter { $0.value.consecutiveFailures >= runs }.keys.sorted()
    }

    public func save() throws(StateError) {
        do {
            try AtomicFile.write(try JSON.encode(records), to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error)")
        }
    }
}
