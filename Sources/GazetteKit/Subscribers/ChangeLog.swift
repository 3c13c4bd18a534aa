import Foundation

/// The subscriber file's log of changes not yet applied: `<file>.changes`, one JSON line per
/// change, appended and fsynced before a change is acknowledged. A change is durable once `append`
/// returns; it is applied to the file in batches by `SubscriberStore.modify`, which first moves the
/// pending lines to `<file>.changes.applying` (under the log's lock, so appends never wait long)
/// and deletes that file only after the list is written. Every reader applies both files' changes
/// on top of the file, so a change is seen from the moment it is acknowledged.
struct ChangeLog: Sendable {
    let path: String
    var applyingPath: String { path + ".applying" }
    private var lockPath: String { path + ".lock" }

    init(subscriberFile: URL) {
        path = subscriberFile.path + ".changes"
    }

    /// Appends changes as one write and one fsync (the group commit of many requests).
    func append(_ changes: [SubscriberChange]) throws(SubscriberError) {
        guard !changes.isEmpty else { return }
        var bytes: [UInt8] = []
        for change in changes { bytes += change.jsonLine }
        try withLogLock { () throws(SubscriberError) in
            do throws(PosixError) {
                try AtomicFile.append(bytes, to: path)
            } catch {
                throw .io(path: path, reason: "cannot record the change: \(error.reason)")
            }
        }
    }

    /// Changes waiting to be applied, oldest first (those being applied, then the newer ones).
    func pending() -> [SubscriberChange] {
        Self.read(applyingPath) + Self.read(path)
    }

    /// Moves the pending lines to the `applying` file and empties the log; call with the
    /// subscriber file's exclusive lock held. Returns every change to apply.
    func takePending() throws(SubscriberError) -> [SubscriberChange] {
        try withLogLock { () throws(SubscriberError) -> [SubscriberChange] in
            guard let bytes = AtomicFile.readBytes(path), !bytes.isEmpty else { return Self.read(applyingPath) }
            do throws(PosixError) {
                let applying = try PosixFile(path: applyingPath, flags: O_WRONLY | O_APPEND | O_CREAT)
                try applying.write(bytes)
                try applying.sync(dataOnly: true)
                try PosixFile(path: path, flags: O_WRONLY).truncate(to: 0)
            } catch {
                throw .io(path: applyingPath, reason: "cannot set changes aside: \(error.reason)")
            }
            return Self.read(applyingPath)
        }
    }

    /// The applied changes are in the file: drop them.
    func finishApplying() {
        PosixFile.remove(applyingPath)
    }

    private static func read(_ path: String) -> [SubscriberChange] {
        guard let bytes = AtomicFile.readBytes(path), !bytes.isEmpty else { return [] }
        return bytes.split(separator: 0x0A).compactMap(SubscriberChange.init(line:))
    }

    private func withLogLock<T>(_ body: () throws(SubscriberError) -> T) throws(SubscriberError) -> T {
        let lock: PosixFile
        do throws(PosixError) {
            lock = try PosixFile(path: lockPath, flags: O_RDWR | O_CREAT)
            guard try lock.lock(exclusive: true, wait: 60) else { throw PosixError(path: lockPath, operation: "flock", code: EWOULDBLOCK) }
        } catch {
            throw .io(path: lockPath, reason: "cannot lock the change log: \(error.reason)")
        }
        defer { lock.unlock() }
        return try body()
    }
}
