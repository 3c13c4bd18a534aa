import Foundation

/// Crash-safe file replacement: write a temp file in the same directory, fsync it, rename it over
/// the target, fsync the directory. A crash at any point leaves the old file or the new one, whole.
public enum AtomicFile {
    /// Replaces the file at `url` with `data`, keeping its permissions when it exists (0644 otherwise).
    public static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(PosixError) {
        var failure: PosixError?
        data.withUnsafeBytes { buffer in
            do throws(PosixError) { try write(buffer, to: url, permissions: permissions) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Replaces the file at `url` with `bytes` (no copy into `Data`).
    public static func write(_ bytes: [UInt8], to url: URL, permissions: mode_t = 0o644) throws(PosixError) {
        var failure: PosixError?
        bytes.withUnsafeBytes { buffer in
            do throws(PosixError) { try write(buffer, to: url, permissions: permissions) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private static func write(_ buffer: UnsafeRawBufferPointer, to url: URL, permissions: mode_t) throws(PosixError) {
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        let temp = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let mode = PosixFile.permissions(of: path) ?? permissions
        do throws(PosixError) {
            let file = try PosixFile(path: temp, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
            try file.write(buffer)
            try file.sync()
            try PosixFile.rename(temp, to: path)
        } catch {
            PosixFile.remove(temp)
            throw error
        }
        PosixFile.syncDirectory(directory)
    }

    /// Appends `bytes` to a log file (created when missing) as one write and one fsync; a failed
    /// write is cut off again, so the file never ends in a torn record.
    public static func append(_ bytes: [UInt8], to path: String) throws(PosixError) {
        let file = try PosixFile(path: path, flags: O_WRONLY | O_APPEND | O_CREAT)
        let before = file.size
        do throws(PosixError) {
            try file.write(bytes)
            try file.sync(dataOnly: true)
        } catch {
            file.truncate(to: before)
            throw error
        }
    }

    /// The whole file as bytes, read straight into the array.
    public static func readBytes(_ path: String) -> [UInt8]? {
        (try? PosixFile(path: path, flags: O_RDONLY))?.readAll()
    }
}
