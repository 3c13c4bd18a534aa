import Foundation

/// `bounces.jsonl` in the state folder: every bounce event, one JSON line each, appended and
/// fsynced before the message that caused it is marked processed. It is the only record of
/// bounces: soft-bounce counts, `subscribers show` and `status` are read from it, so there is no
/// second copy that could disagree. A torn last line (a killed process, a full disk) is skipped.
struct BounceLog: Sendable {
    let path: String

    init(stateDirectory: String) {
        path = (stateDirectory as NSString).appendingPathComponent("bounces.jsonl")
    }

    /// Every event in the order written.
    func events() -> [BounceEvent] {
        guard let bytes = AtomicFile.readBytes(path) else { return [] }
        var events: [BounceEvent] = []
        for line in bytes.split(separator: 0x0A) where !line.isEmpty {
            if let event = try? JSON.decode(BounceEvent.self, from: Array(line)) { events.append(event) }
        }
        return events
    }

    /// Appends events as one write and one fsync.
    func append(_ events: [BounceEvent]) throws(StateError) {
        guard !events.isEmpty else { return }
        var bytes: [UInt8] = []
        for event in events {
            guard let value = try? JSONValue(encoding: event) else { continue }
            bytes += JSON.text(value, style: .compact) + [0x0A]
        }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do throws(PosixError) {
            try AtomicFile.append(bytes, to: path)
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error.reason)")
        }
    }
}
