import Foundation

/// One of `Tests/Servers/*.py` running as a loopback server: started with its arguments, the port
/// it prints (`PORT n`) read, and stopped when this object goes by closing its standard input (the
/// script's signal to clean up) and, unless it stops children of its own, a SIGTERM.
final class TestServerProcess: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let input = Pipe()
    private let terminates: Bool

    /// `log` receives the server's standard error; `terminates: false` leaves the stopping to the
    /// script (Dovecot must stop its own processes).
    init(script: String, _ arguments: [String], log: URL? = nil, terminates: Bool = true) throws {
        self.terminates = terminates
        let output = Pipe()
        process.executableURL = TestPaths.python
        process.arguments = [TestPaths.servers.appendingPathComponent(script).path] + arguments
        process.standardInput = input
        process.standardOutput = output
        if let log {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        }
        try process.run()
        do {
            port = try Self.readPort(from: output.fileHandleForReading)
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if terminates { process.terminate() }
        process.waitUntilExit()
    }

    private static func readPort(from handle: FileHandle) throws -> Int {
        var line = Data()
        while let byte = try handle.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            throw TestServerError(message: "test server did not report its port: \(text)")
        }
        return port
    }
}

struct TestServerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
