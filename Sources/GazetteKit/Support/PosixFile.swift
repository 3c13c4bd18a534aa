import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call on a file: which file, which call, and the system's reason.
public struct PosixError: Error, Sendable, CustomStringConvertible {
    public let path: String
    /// The call that failed (`open`, `write`, `fsync`, `rename`...).
    public let operation: String
    /// The `errno` value.
    public let code: Int32

    public var description: String { "\(path): \(operation) failed: \(String(cString: strerror(code)))" }
    /// The system's reason alone ("No space left on device").
    public var reason: String { String(cString: strerror(code)) }
}

/// An open file descriptor, closed when the value goes away: the one place that calls
/// open/read/write/flock/fsync/rename directly, with EINTR and short writes handled once.
final class PosixFile {
    let path: String
    let descriptor: Int32

    /// Opens `path` with `open(2)` flags (`O_CLOEXEC` always added).
    init(path: String, flags: Int32, mode: mode_t = 0o644) throws(PosixError) {
        var fd: Int32
        repeat { fd = open(path, flags | O_CLOEXEC, mode) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw PosixError(path: path, operation: "open", code: errno) }
        self.path = path
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Writes every byte; a failure after a partial write leaves those bytes written.
    func write(_ bytes: UnsafeRawBufferPointer) throws(PosixError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw PosixError(path: path, operation: "write", code: n < 0 ? errno : ENOSPC) }
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) throws(PosixError) {
        var failure: PosixError?
        bytes.withUnsafeBytes { buffer in
            do throws(PosixError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes at `offset` without moving the file position (a lock file's pid, say).
    func write(_ bytes: [UInt8], at offset: Int) {
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    }

    /// Up to `count` bytes from `offset`, without moving the file position; none when reading fails.
    func read(count: Int, at offset: Int) -> [UInt8] { (try? read(upTo: count, at: offset)) ?? [] }

    /// Up to `count` bytes from `offset` (fewer at the end, none past it); throws when reading
    /// fails, as it does on a directory.
    func read(upTo count: Int, at offset: Int) throws(PosixError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var n: Int
        repeat { n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) } } while n < 0 && errno == EINTR
        guard n >= 0 else { throw PosixError(path: path, operation: "read", code: errno) }
        buffer.removeLast(count - n)
        return buffer
    }

    /// The whole file from the start, read straight into the array; nil when reading fails.
    func readAll() -> [UInt8]? {
        let end = lseek(descriptor, 0, SEEK_END)
        guard end >= 0, lseek(descriptor, 0, SEEK_SET) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(end))
        var offset = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let n = Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return n == 0 }
                offset += n
            }
            return true
        }
        guard ok else { return nil }
        if offset < bytes.count { bytes.removeLast(bytes.count - offset) }
        return bytes
    }

    /// Reads the next block into `buffer`; 0 at the end of the file, -1 on an error.
    func read(into buffer: inout [UInt8]) -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            return n
        }
    }

    /// The file's size (its end); -1 when it cannot be told.
    var size: Int { Int(lseek(descriptor, 0, SEEK_END)) }

    func truncate(to length: Int) { _ = ftruncate(descriptor, off_t(length)) }

    /// fsync, or fdatasync when only the data matters.
    func sync(dataOnly: Bool = false) throws(PosixError) {
        guard (dataOnly ? fdatasync(descriptor) : fsync(descriptor)) == 0 else {
            throw PosixError(path: path, operation: dataOnly ? "fdatasync" : "fsync", code: errno)
        }
    }

    /// Takes an `flock`. Without `wait` it fails at once when someone holds the lock (returns
    /// false); with one it retries for that many seconds, backing off, then returns false.
    func lock(exclusive: Bool, wait: Double? = nil) throws(PosixError) -> Bool {
        let started = Date()
        var pause: UInt32 = 1_000
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw PosixError(path: path, operation: "flock", code: errno) }
            if errno == EINTR { continue }
            guard let wait, Date().timeIntervalSince(started) < wait else { return false }
            usleep(pause)
            pause = min(pause * 2, 100_000)
        }
        return true
    }

    func unlock() { flock(descriptor, LOCK_UN) }

    // MARK: Paths

    static func rename(_ from: String, to: String) throws(PosixError) {
        guard Glibc.rename(from, to) == 0 else { throw PosixError(path: to, operation: "rename", code: errno) }
    }

    /// A hard link `to` for the file at `from`.
    static func link(_ from: String, to: String) throws(PosixError) {
        guard Glibc.link(from, to) == 0 else { throw PosixError(path: to, operation: "link", code: errno) }
    }

    static func remove(_ path: String) { unlink(path) }

    /// fsync a directory so a rename in it is durable.
    static func syncDirectory(_ path: String) {
        guard let directory = try? PosixFile(path: path, flags: O_RDONLY | O_DIRECTORY) else { return }
        try? directory.sync()
    }

    /// The permission bits of an existing file.
    static func permissions(of path: String) -> mode_t? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).map { mode_t($0.uint16Value) }
    }
}

@available(*, unavailable)
extension PosixFile: Sendable {}
