import Foundation

/// `selections/<edition>.jsonl` in the state folder: what selection did with every item the
/// sources gave when the edition was built (and which sources failed), one JSON line each,
/// written atomically once per build. Read by `gazette explain`.
struct SelectionLog: Sendable {
    let directory: String

    init(stateDirectory: String) {
        directory = (stateDirectory as NSString).appendingPathComponent("selections")
    }

    func path(for edition: String) -> String {
        (directory as NSString).appendingPathComponent(DeliveryJournal.fileName(edition) + ".jsonl")
    }

    func save(_ decisions: [SelectionDecision], edition: String) throws(StateError) {
        var bytes: [UInt8] = []
        for decision in decisions {
            guard let value = try? JSONValue(encoding: decision) else { continue }
            bytes += JSON.text(value, style: .compact)
            if bytes.last != 0x0A { bytes.append(0x0A) }
        }
        let path = path(for: edition)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try AtomicFile.write(bytes, to: URL(fileURLWithPath: path))
        } catch {
            throw StateError(path: path, message: "cannot be written: \(error)")
        }
    }

    /// Every edition's decisions, oldest edition first (by file name: list id, then date).
    func all() -> [(edition: String, decisions: [SelectionDecision])] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        return names.map { name in
            let bytes = AtomicFile.readBytes((directory as NSString).appendingPathComponent(name)) ?? []
            let decisions = bytes.split(separator: 0x0A).compactMap { try? JSON.decode(SelectionDecision.self, from: Array($0)) }
            return (String(name.dropLast(6)), decisions)
        }
    }
}
