import Foundation

/// Paths inside the repository, found from this source file so tests run from any directory.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // GazetteKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let servers = repository.appendingPathComponent("Tests/Servers")

    /// Debian's python3, which has the packages `scripts/setup.sh --tests` installs (aiosmtpd).
    static let python = URL(fileURLWithPath: "/usr/bin/python3")

    /// The `gazette` executable built next to the test bundle.
    static var gazette: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gazette")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/gazette")
    }

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// A new empty directory in this test process's scratch folder.
    static func temporaryDirectory() throws -> URL {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `gazette-tests-<pid>` under the system's temp directory, owned through a lock on its
    /// `.owner` file that this process holds until it ends. The tests leave their folders for a
    /// post-mortem; the first use removes the scratch folders whose owner has ended (their lock
    /// can be taken), so at most one run's folders are kept.
    private static let scratch: URL = {
        let base = FileManager.default.temporaryDirectory
        let prefix = "gazette-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(prefix) {
            let folder = base.appendingPathComponent(name)
            let owner = open(folder.appendingPathComponent(".owner").path, O_RDONLY | O_CLOEXEC)
            guard owner >= 0 else { continue }  // being set up, or not ours
            if flock(owner, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(at: folder) }
            close(owner)
        }
        // Set up under a name the sweep ignores, then renamed with its lock already held.
        let mine = base.appendingPathComponent("\(prefix)\(getpid())")
        let setup = base.appendingPathComponent(".\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: setup, withIntermediateDirectories: true)
        let owner = open(setup.appendingPathComponent(".owner").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if owner >= 0 { flock(owner, LOCK_EX) }  // held, never closed, until the process ends
        try? FileManager.default.removeItem(at: mine)  // a folder of an earlier process with this pid
        rename(setup.path, mine.path)
        return mine
    }()
}
