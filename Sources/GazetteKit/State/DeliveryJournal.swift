import Foundation

/// The delivery journal of one edition: `editions/<edition>.jsonl` in the state folder, one JSON
/// line per event, appended with `O_APPEND` as it happens (so a killed run loses nothing it
/// wrote) and synced to disk every few entries and at the end. Beside it, `<edition>.digest.json`
/// keeps the edition's content so that a resumed run sends the same digest.
///
/// Events: `start`; `sending` (before a message is handed over); `result` (after, with the
/// outcome); `complete` (everyone delivered or refused for good); `abandoned` (given up).
final class DeliveryJournal: DeliveryObserver, @unchecked Sendable {
    struct Entry: Codable, Sendable, Equatable {
        var event: String
        var time: Date
        var edition: String?
        var subscriber: String?
        var email: String?
        var message: String?
        var outcome: String?
        var detail: String?
        var attempts: Int?
    }

    /// What the journal says about one subscriber.
    enum SubscriberState: Sendable, Equatable {
        /// Handed over, no outcome recorded (the run died): send again, with the same Message-ID.
        case inFlight
        case delivered(String)
        case deferred(String)
        case failed(String)

        /// Nothing more will be sent to them for this edition.
        var isFinal: Bool {
            switch self {
            case .delivered, .failed: return true
            case .inFlight, .deferred: return false
            }
        }
    }

    let edition: String
    let path: String
    let digestPath: String
    private let lock = NSLock()
    private var file: PosixFile?
    private var unsynced = 0

    init(stateDirectory: String, edition: String) {
        self.edition = edition
        let directory = (stateDirectory as NSString).appendingPathComponent("editions")
        let name = Self.fileName(edition)
        path = (directory as NSString).appendingPathComponent(name + ".jsonl")
        digestPath = (directory as NSString).appendingPathComponent(name + ".digest.json")
    }

    deinit {
        try? file?.sync(dataOnly: true)
    }

    /// The journals in a state folder, by file name (their `edition` is the name's stem).
    static func editions(in stateDirectory: String) -> [DeliveryJournal] {
        let directory = (stateDirectory as NSString).appendingPathComponent("editions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { DeliveryJournal(stateDirectory: stateDirectory, edition: String($0.dropLast(6))) }
    }

    /// Edition ids contain `/`; file names get `_` instead of anything unusual.
    static func fileName(_ edition: String) -> String {
        String(edition.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
    }

    /// Every entry written so far; a torn line (a run killed or a disk filled mid-write) is skipped.
    func entries() -> [Entry] {
        var all: [Entry] = []
        forEachEntry { all.append($0) }
        return all
    }

    /// Calls `body` with each entry in order, reading the file in blocks rather than whole.
    func forEachEntry(_ body: (Entry) -> Void) {
        guard let reader = try? PosixFile(path: path, flags: O_RDONLY) else { return }
        var pending: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = reader.read(into: &block)
            guard count > 0 else { break }
            pending += block[0..<count]
            var start = 0
            while let end = pending[start...].firstIndex(of: 0x0A) {
                if end > start, let entry = Self.entry(pending[start..<end]) { body(entry) }
                start = end + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty, let entry = Self.entry(pending[...]) { body(entry) }
    }

    /// One journal line; nil when it is not a whole entry.
    static func entry(_ line: ArraySlice<UInt8>) -> Entry? {
        var reader = JSON.Reader(bytes: Array(line))
        var entry = Entry(event: "", time: Date(timeIntervalSince1970: 0))
        var sawTime = false
        do {
            try reader.streamObject { (key, reader) throws(JSON.SyntaxError) in
                if key == "attempts" {
                    if case .number(let number) = try reader.value(depth: 1) { entry.attempts = Int(number) }
                    return
                }
                guard let text = try reader.stringIfPresent() else {
                    _ = try reader.value(depth: 1)
                    return
                }
                switch key {
                case "event": entry.event = text
                case "time":
                    guard let time = Timestamp.parseExactRFC3339(bytes: ArraySlice(text.utf8)) ?? Timestamp.parse(text) else { return }
                    entry.time = time
                    sawTime = true
                case "edition": entry.edition = text
                case "subscriber": entry.subscriber = text
                case "email": entry.email = text
                case "message": entry.message = text
                case "outcome": entry.outcome = text
                case "detail": entry.detail = text
                default: break
                }
            }
            try reader.finish()
        } catch {
            return nil
        }
        return entry.event.isEmpty || !sawTime ? nil : entry
    }

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Whether the edition is closed (`complete` or `abandoned`, always the last entry). Reads
    /// only the end of the file, so old journals of big lists cost nothing to check.
    var isComplete: Bool {
        guard let file = try? PosixFile(path: path, flags: O_RDONLY), case let size = file.size, size >= 0 else { return false }
        let tail = String(decoding: file.read(count: min(size, 4096), at: max(0, size - 4096)), as: UTF8.self)
        guard let last = tail.split(separator: "\n").last else { return false }
        return last.contains("\"event\":\"complete\"") || last.contains("\"event\":\"abandoned\"")
    }

    /// The last word on each subscriber, by subscriber id.
    func states() -> [String: SubscriberState] {
        var states: [String: SubscriberState] = [:]
        forEachEntry { entry in
            guard let id = entry.subscriber else { return }
            switch (entry.event, entry.outcome) {
            case ("sending", _): states[id] = .inFlight
            case ("result", "delivered"?): states[id] = .delivered(entry.detail ?? "")
            case ("result", "failed"?): states[id] = .failed(entry.detail ?? "")
            case ("result", _): states[id] = .deferred(entry.detail ?? "")
            default: break
            }
        }
        return states
    }

    /// Ids of the subscribers with a final outcome (delivered or refused for good).
    func finishedSubscribers() -> Set<String> {
        var finished = Set<String>()
        forEachEntry { entry in
            guard let id = entry.subscriber else { return }
            if entry.event == "result", entry.outcome == "delivered" || entry.outcome == "failed" {
                finished.insert(id)
            } else if entry.event == "sending" || entry.event == "result" {
                finished.remove(id)
            }
        }
        return finished
    }

    func saveDigest(_ digest: Digest) throws(StateError) {
        do {
            try FileManager.default.createDirectory(atPath: (digestPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try AtomicFile.write(try JSON.encode(digest), to: URL(fileURLWithPath: digestPath))
        } catch {
            throw StateError(path: digestPath, message: "cannot be written: \(error)")
        }
    }

    /// The saved digest. A missing or damaged file is an error, never a reason to rebuild: the
    /// edition would go out with two contents under one Message-ID prefix.
    func loadDigest() throws(StateError) -> Digest {
        guard let data = FileManager.default.contents(atPath: digestPath) else {
            throw StateError(path: digestPath, message: "is missing, so edition \(edition) cannot be resumed as it was sent; "
                             + "run with --force to rebuild it from the feeds and send it to everyone again")
        }
        do {
            return try JSON.decode(Digest.self, from: data)
        } catch {
            throw StateError(path: digestPath, message: "is damaged (\(error)), so edition \(edition) cannot be resumed as it was sent; "
                             + "run with --force to rebuild it from the feeds and send it to everyone again")
        }
    }

    /// Moves this edition's journal aside (for `--force`), keeping it for the record.
    func archive() {
        guard exists else { return }
        let stamp = Int(Date().timeIntervalSince1970)
        // link, then unlink: an archive from an earlier --force in the same second is kept
        for attempt in 0..<100 {
            let target = path + ".forced-\(stamp)" + (attempt == 0 ? "" : "-\(attempt)")
            do throws(PosixError) {
                try PosixFile.link(path, to: target)
                PosixFile.remove(path)
                return
            } catch where error.code == EEXIST {
                continue
            } catch {  // no hard links here: a rename, which may replace an archive of the same second
                try? PosixFile.rename(path, to: target)
                return
            }
        }
    }

    /// Appends one line. A line that cannot be written whole is cut off again (so the file never
    /// holds half a line followed by more entries) and the error is thrown; so is a failed sync.
    func append(_ entry: Entry, sync: Bool = false) throws(StateError) {
        lock.lock()
        defer { lock.unlock() }
        let file = try openForAppending()
        var json = JSON.Writer()
        json.beginObject()
        json.string("event", entry.event)
        json.string("time", Timestamp.rfc3339(entry.time))
        json.string("edition", entry.edition)
        json.string("subscriber", entry.subscriber)
        json.string("email", entry.email)
        json.string("message", entry.message)
        json.string("outcome", entry.outcome)
        json.string("detail", entry.detail)
        json.int("attempts", entry.attempts)
        json.endObject()
        let before = file.size
        do {
            try file.write(json.bytes + [0x0A])
            unsynced += 1
            if sync || unsynced >= 64 {
                try file.sync(dataOnly: true)
                unsynced = 0
            }
        } catch {
            if error.operation == "write", before >= 0 { file.truncate(to: before) }
            throw StateError(path: path, message: "cannot \(error.operation == "write" ? "write" : "sync") the journal: \(error.reason)")
        }
    }

    /// Flushes what was appended to disk.
    func sync() throws(StateError) {
        lock.lock()
        defer { lock.unlock() }
        guard let file, unsynced > 0 else { return }
        do {
            try file.sync(dataOnly: true)
        } catch {
            throw StateError(path: path, message: "cannot sync the journal: \(error.reason)")
        }
        unsynced = 0
    }

    /// The file open for appending; a last line left torn by a killed run is ended first.
    private func openForAppending() throws(StateError) -> PosixFile {
        if let file { return file }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw StateError(path: path, message: "cannot create the folder: \(error.localizedDescription)")
        }
        do {
            let opened = try PosixFile(path: path, flags: O_RDWR | O_APPEND | O_CREAT)
            let size = opened.size
            if size > 0, opened.read(count: 1, at: size - 1) != [0x0A] { try opened.write([0x0A]) }
            file = opened
            return opened
        } catch {
            throw StateError(path: path, message: "cannot write the journal: \(error.reason)")
        }
    }

    func willSend(_ message: Message) throws(StateError) {
        try append(Entry(event: "sending", time: Date(), subscriber: message.subscriberID, email: message.recipient,
                         message: message.id))
    }

    func didSend(_ result: DeliveryResult) throws(StateError) {
        try append(Entry(event: "result", time: Date(), subscriber: result.subscriberID, email: result.recipient,
                         message: result.messageID, outcome: result.outcome.name, detail: result.outcome.detail,
                         attempts: result.attempts))
    }
}
