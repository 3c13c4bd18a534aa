import Foundation

/// The delivery journal of one edition: `editions/<edition>.jsonl` in the state folder, one JSON
/// line per event, appended with `O_APPEND` as it happens (so a killed run loses nothing it
/// wrote) and synced to disk every few entries and at the end. Beside it, `<edition>.digest.json`
/// keeps the edition's content so that a resumed run sends the same digest.
///
/// Events: `start`; `sending` (before a message is handed over); `result` (after, with the
/// outcome); `complete` (everyone delivered or refused for good); `abandoned` (given up).
public final class DeliveryJournal: DeliveryObserver, @unchecked Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public var event: String
        public var time: Date
        public var edition: String?
        public var subscriber: String?
        public var email: String?
        public var message: String?
        public var outcome: String?
        public var detail: String?
        public var attempts: Int?
    }

    /// What the journal says about one subscriber.
    public enum SubscriberState: Sendable, Equatable {
        /// Handed over, no outcome recorded (the run died): send again, with the same Message-ID.
        case inFlight
        case delivered(String)
        case deferred(String)
        case failed(String)

        /// Nothing more will be sent to them for this edition.
        public var isFinal: Bool {
            switch self {
            case .delivered, .failed: return true
            case .inFlight, .deferred: return false
            }
        }
    }

    public let edition: String
    public let path: String
    public let digestPath: String
    private let lock = NSLock()
    private var descriptor: Int32 = -1
    private var unsynced = 0

    public init(stateDirectory: String, edition: String) {
        self.edition = edition
        let directory = (stateDirectory as NSString).appendingPathComponent("editions")
        let name = Self.fileName(edition)
        path = (directory as NSString).appendingPathComponent(name + ".jsonl")
        digestPath = (directory as NSString).appendingPathComponent(name + ".digest.json")
    }

    deinit {
        if descriptor >= 0 {
            fdatasync(descriptor)
            close(descriptor)
        }
    }

    /// Edition ids contain `/`; file names get `_` instead of anything unusual.
    static func fileName(_ edition: String) -> String {
        String(edition.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
    }

    /// Every entry written so far; a torn last line (a run killed mid-write) is skipped.
    public func entries() -> [Entry] {
        guard let bytes = AtomicFile.readBytes(path) else { return [] }
        let decoder = JSONDecoder.gazette
        return bytes.split(separator: 0x0A).compactMap { try? decoder.decode(Entry.self, from: Data($0)) }
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Whether the edition is closed (`complete` or `abandoned`, always the last entry). Reads
    /// only the end of the file, so old journals of big lists cost nothing to check.
    public var isComplete: Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        guard let last = tail.split(separator: "\n").last else { return false }
        return last.contains("\"event\":\"complete\"") || last.contains("\"event\":\"abandoned\"")
    }

    /// The last word on each subscriber, by subscriber id.
    public func states() -> [String: SubscriberState] {
        var states: [String: SubscriberState] = [:]
        for entry in entries() {
            guard let id = entry.subscriber else { continue }
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

    public func saveDigest(_ digest: Digest) throws(StateError) {
        do {
            try FileManager.default.createDirectory(atPath: (digestPath as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try AtomicFile.write(try JSONEncoder.gazette.encode(digest), to: URL(fileURLWithPath: digestPath))
        } catch {
            throw StateError(path: digestPath, message: "cannot be written: \(error)")
        }
    }

    public func loadDigest() -> Digest? {
        guard let data = FileManager.default.contents(atPath: digestPath) else { return nil }
        return try? JSONDecoder.gazette.decode(Digest.self, from: data)
    }

    /// Moves this edition's journal aside (for `--force`), keeping it for the record.
    public func archive() {
        guard exists else { return }
        let stamp = Int(Date().timeIntervalSince1970)
        try? FileManager.default.moveItem(atPath: path, toPath: path + ".forced-\(stamp)")
    }

    public func append(_ entry: Entry, sync: Bool = false) throws(StateError) {
        lock.lock()
        defer { lock.unlock() }
        if descriptor < 0 {
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            } catch {
                throw StateError(path: path, message: "cannot create the folder: \(error.localizedDescription)")
            }
            descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw StateError(path: path, message: String(cString: strerror(errno))) }
        }
        var json = JSONLineWriter()
        json.beginObject()
        json.string("event", entry.event)
        json.string("time", FeedDate.rfc3339(entry.time))
        json.string("edition", entry.edition)
        json.string("subscriber", entry.subscriber)
        json.string("email", entry.email)
        json.string("message", entry.message)
        json.string("outcome", entry.outcome)
        json.string("detail", entry.detail)
        json.int("attempts", entry.attempts)
        json.endObject()
        let line = json.bytes + [0x0A]
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw StateError(path: path, message: "write failed: \(String(cString: strerror(errno)))") }
        unsynced += 1
        if sync || unsynced >= 64 {
            fdatasync(descriptor)
            unsynced = 0
        }
    }

    public func willSend(_ message: Message) {
        try? append(Entry(event: "sending", time: Date(), subscriber: message.subscriberID, email: message.recipient,
                          message: message.id))
    }

    public func didSend(_ result: DeliveryResult) {
        try? append(Entry(event: "result", time: Date(), subscriber: result.subscriberID, email: result.recipient,
                          message: result.messageID, outcome: result.outcome.name, detail: result.outcome.detail,
                          attempts: result.attempts))
    }
}
