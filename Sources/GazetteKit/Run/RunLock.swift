import Foundation

/// The state folder's run lock: an `flock` on `run.lock`, which the kernel releases when the
/// holder dies, with the holder's pid written inside so a second run can say who holds it and a
/// lock file left by a dead process is recognised and taken over.
public final class RunLock {
    public enum Failure: Error, CustomStringConvertible {
        case held(path: String, pid: Int32?)
        case unusable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(path, pid):
                return "another gazette run holds \(path)" + (pid.map { " (pid \($0))" } ?? "") + "; not starting a second one"
            case let .unusable(path, reason):
                return "\(path): cannot take the run lock: \(reason)"
            }
        }
    }

    public let path: String
    /// The pid a previous, dead holder left in the file, when there was one.
    public let tookOverFrom: Int32?
    private let descriptor: Int32

    public init(stateDirectory: String) throws(Failure) {
        path = (stateDirectory as NSString).appendingPathComponent("run.lock")
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, reason: error.localizedDescription)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
        let previous = Self.readPID(fd)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw .held(path: path, pid: previous)
        }
        descriptor = fd
        // The lock is ours: a pid still in the file belongs to a run that died holding it.
        tookOverFrom = previous.flatMap { $0 != getpid() && $0 > 0 ? $0 : nil }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 32, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmed)
    }
}
