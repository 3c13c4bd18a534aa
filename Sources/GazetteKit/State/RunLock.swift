import Foundation

/// The state folder's run lock: an `flock` on `run.lock`, which the kernel releases when the
/// holder dies, with the holder's pid written inside so a second run can say who holds it and a
/// lock file left by a dead process is recognised and taken over.
public final class RunLock {
    public enum Failure: Error, CustomStringConvertible {
        /// Another run holds the lock; `pid` is the one written in the file, when it could be read.
        case held(path: String, pid: Int32?)
        /// The state folder or the lock file cannot be created or opened.
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
    private let file: PosixFile

    /// Takes the lock without waiting: throws `held` when another run has it.
    public init(stateDirectory: String) throws(Failure) {
        path = (stateDirectory as NSString).appendingPathComponent("run.lock")
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw .unusable(path: path, reason: error.localizedDescription)
        }
        do {
            file = try PosixFile(path: path, flags: O_RDWR | O_CREAT)
        } catch {
            throw .unusable(path: path, reason: error.reason)
        }
        let previous = Int32(String(decoding: file.read(count: 32, at: 0), as: UTF8.self).trimmed)
        guard (try? file.lock(exclusive: true)) == true else { throw .held(path: path, pid: previous) }
        // The lock is ours: a pid still in the file belongs to a run that died holding it.
        tookOverFrom = previous.flatMap { $0 != getpid() && $0 > 0 ? $0 : nil }
        file.truncate(to: 0)
        file.write(Array("\(getpid())\n".utf8), at: 0)
    }

    deinit {
        file.truncate(to: 0)
        file.unlock()
    }
}
