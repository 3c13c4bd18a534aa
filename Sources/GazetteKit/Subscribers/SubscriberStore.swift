import Foundation

/// The subscriber file on disk. Every read-modify-write holds an exclusive `flock` on
/// `<file>.lock`, re-reads the file under it, writes a temp file in the same directory, fsyncs,
/// keeps the previous version as `<file>.bak`, renames over the file and fsyncs the directory.
/// A crash at any point leaves the old file or the new one, complete. A file that does not parse
/// is never written.
public struct SubscriberStore: Sendable {
    /// The subscriber file; the lock file and the backup sit beside it.
    public let url: URL
    /// How long to wait for another process's lock before giving up with `locked`.
    public var lockWait: Double

    /// `lockWait` defaults to `$GAZETTE_LOCK_WAIT` seconds, else 60.
    public init(url: URL, lockWait: Double? = nil) {
        self.url = url
        self.lockWait = lockWait ?? ProcessInfo.processInfo.environment["GAZETTE_LOCK_WAIT"].flatMap(Double.init) ?? 60
    }

    /// The previous version, `<file>.bak`, a hard link kept at every write.
    public var backupURL: URL { url.appendingPathExtension("bak") }
    var lockURL: URL { url.appendingPathExtension("lock") }

    /// The log of changes acknowledged but not yet written into the file.
    var changes: ChangeLog { ChangeLog(subscriberFile: url) }

    /// The list, under a shared lock, with every acknowledged change applied (those still in the
    /// change log too); an absent file is an empty list.
    public func read() throws(SubscriberError) -> SubscriberList {
        try withLock(exclusive: false) { () throws(SubscriberError) in
            var list = try load(keepingSource: false)
            for change in changes.pending() { change.apply(to: &list) }
            return list
        }
    }

    /// Reads, changes and writes the list under the exclusive lock, applying the change log's
    /// pending changes first, so edits from the command line and from the server never overwrite
    /// each other. Nothing is written when `change` throws or nothing changed.
    @discardableResult
    public func modify<T>(_ change: (inout SubscriberList) throws(SubscriberError) -> T) throws(SubscriberError) -> T {
        try withLock(exclusive: true) { () throws(SubscriberError) -> T in
            let log = changes
            let pending = try log.takePending()
            let before = try load()
            var list = before
            for logged in pending { logged.apply(to: &list) }
            let result = try change(&list)
            if list != before { try save(list) }
            log.finishApplying()
            return result
        }
    }

    /// Records changes durably (appended and fsynced to the change log); the file catches up on
    /// the next `modify` or `applyPendingChanges`.
    public func record(_ changes: [SubscriberChange]) throws(SubscriberError) {
        try self.changes.append(changes)
    }

    /// Writes the change log's pending changes into the file; returns how many there were.
    @discardableResult
    public func applyPendingChanges() throws(SubscriberError) -> Int {
        guard !changes.pending().isEmpty else { return 0 }
        return try modify { _ in changes.pending().count }
    }

    private func load(keepingSource: Bool = true) throws(SubscriberError) -> SubscriberList {
        guard FileManager.default.fileExists(atPath: url.path) else { return SubscriberList() }
        guard let bytes = AtomicFile.readBytes(url.path) else { throw .io(path: url.path, reason: "cannot be read") }
        return try SubscriberList.decode(bytes: bytes, path: url.path, keepingSource: keepingSource)
    }

    private func save(_ list: SubscriberList) throws(SubscriberError) {
        // The previous version becomes the backup by a hard link to its inode: atomic and without
        // copying, since the new version replaces the file by rename (a new inode).
        if FileManager.default.fileExists(atPath: url.path) {
            let temporary = backupURL.path + ".tmp"
            PosixFile.remove(temporary)
            do {
                try PosixFile.link(url.path, to: temporary)
                try PosixFile.rename(temporary, to: backupURL.path)
            } catch {
                throw .io(path: backupURL.path, reason: "cannot keep the previous version: \(error.reason)")
            }
        }
        do {
            try AtomicFile.write(list.encodedBytes(), to: url)
        } catch {
            throw .io(path: error.path, reason: "\(error.operation) failed: \(error.reason)")
        }
    }

    /// Runs `body` holding the lock. An exclusive holder writes its pid into the lock file, so a
    /// process that waits too long can name it.
    private func withLock<T>(exclusive: Bool, _ body: () throws(SubscriberError) -> T) throws(SubscriberError) -> T {
        let directory = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: directory) {
            throw .io(path: directory, reason: "directory does not exist")
        }
        let file: PosixFile
        do {
            file = try PosixFile(path: lockURL.path, flags: O_RDWR | O_CREAT)
            guard try file.lock(exclusive: exclusive, wait: lockWait) else {
                let holder = Int32(String(decoding: file.read(count: 16, at: 0), as: UTF8.self).trimmed)
                throw SubscriberError.locked(path: url.path, seconds: lockWait, holder: holder)
            }
        } catch let error as SubscriberError {
            throw error
        } catch {
            throw .io(path: lockURL.path, reason: "cannot lock: \((error as? PosixError)?.reason ?? "\(error)")")
        }
        if exclusive {
            file.truncate(to: 0)
            file.write(Array("\(getpid())\n".utf8), at: 0)
        }
        defer {
            if exclusive { file.truncate(to: 0) }
            file.unlock()
        }
        return try body()
    }
}
