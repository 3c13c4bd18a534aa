import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small tmpfs mounted on a temp folder, for filling a disk for real. Needs root (CI runs tests
/// as root); `isAvailable` says whether mounting works here, for the tests' `.enabled(if:)`.
final class SmallDisk {
    let url: URL
    private var mounted = false

    init(kilobytes: Int) throws {
        url = try TestPaths.temporaryDirectory().appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path])
        mounted = true
    }

    /// Makes room: the same disk, bigger, with its files kept.
    func grow(kilobytes: Int) throws {
        try Self.mount(["-o", "remount,size=\(kilobytes)k", url.path])
    }

    deinit {
        if mounted { _ = try? Self.run("/bin/umount", ["-l", url.path]) }
    }

    static let isAvailable: Bool = {
        guard getuid() == 0, let probe = try? SmallDisk(kilobytes: 64) else { return false }
        _ = probe
        return true
    }()

    static let skipReason: Comment = "mounting a small tmpfs needs root (CI runs the tests as root)"

    private static func mount(_ arguments: [String]) throws {
        guard try run("/bin/mount", arguments) == 0 else {
            throw TestServerError(message: "mount \(arguments.joined(separator: " ")) failed")
        }
    }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
