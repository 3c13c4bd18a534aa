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

    /// `gazette-tests-<pid>` under the system's temp directory. The tests leave their folders for
    /// a post-mortem; the first use removes the scratch folders of test processes that are gone,
    /// so at most one run's folders are kept.
    private static let scratch: URL = {
        let base = FileManager.default.temporaryDirectory
        let prefix = "gazette-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
        return base.appendingPathComponent("\(prefix)\(getpid())")
    }()
}
