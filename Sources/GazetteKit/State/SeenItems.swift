import Foundation

/// Item keys already sent, with when each was first seen (`seen.json` in the state folder).
/// Entries older than `retention` are dropped when the file is written.
struct SeenItems: Sendable {
    private(set) var firstSeen: [String: Date]
    let path: String
    /// Whether the file existed: a missing one means this is the list's first run.
    let existed: Bool

    static let retention: TimeInterval = 180 * 86_400

    init(stateDirectory: String) throws(StateError) {
        path = (stateDirectory as NSString).appendingPathComponent("seen.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            firstSeen = [:]
            existed = false
            return
        }
        existed = true
        do {
            let file = try JSON.decode(File.self, from: data)
            firstSeen = file.items
        } catch {
            throw StateError(path: path, message: "is damaged (\(error)); move it aside to start afresh")
        }
    }

    struct File: Codable {
        var version: Int
        var items: [String: Date]
    }

    func contains(any keys: [String]) -> Bool {
        keys.contains { firstSeen[$0] != nil }
    }

    mutating func record(_ keys: [String], at date: Date) {
        for key in keys where firstSeen[key] == nil { firstSeen[key] = date }
    }

    /// Writes atomically, dropping entries past the retention period.
    func save(now: Date = Date()) throws(StateError) {
        let kept = firstSeen.filter { now.timeIntervalSince($0.value) < Self.retention }
        do {
            let data = Data(try JSON.encode(File(version: 1, items: kept)))
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error)")
        }
    }
}
