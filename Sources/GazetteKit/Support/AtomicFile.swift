import Foundation

/// Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it over
/// the target, fsync the directory. A crash at any point leaves the old file or the new one, whole.
public enum AtomicFile {
    /// Errors name the file and the system call that failed.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let operation: String
        public let code: Int32
        public var description: String { "\(path): \(operation) failed: \(String(cString: strerror(code)))" }
    }

    /// Replaces the file at `url` with `data`, keeping its permissions when it exists (0644 otherwise).
    public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(WriteError) {
        var failure: WriteError?
        data.withUnsafeBytes { buffer in
            do throws(WriteError) { try write(buffer, to: url, permissions: permissions) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Replaces the file at `url` with `bytes` (no copy into `Data`).
    public static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o644) throws(WriteError) {
        var failure: WriteError?
        bytes.withUnsafeBytes { buffer in
            do throws(WriteError) { try write(buffer, to: url, permissions: permissions) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to url: URL, permissions: mode_t) throws(WriteError) {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        let temp = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        var mode = permissions
        var existing = stat()
        if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }

        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError(path: temp, operation: "open", code: errno) }
        var failure: WriteError?
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = WriteError(path: temp, operation: "write", code: errno)
                break
            }
            offset += n
        }
        if failure == nil, fsync(fd) != 0 { failure = WriteError(path: temp, operation: "fsync", code: errno) }
        close(fd)
        if let failure {
            unlink(temp)
            throw failure
        }
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw WriteError(path: path, operation: "rename", code: code)
        }
        syncDirectory(directory)
    }

    /// The whole file as bytes, read straight into the array.
    public static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let n = read(fd, buffer.baseAddress! + offset, buffer.count - offset)
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

    /// fsync a directory so a rename in it is durable.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
