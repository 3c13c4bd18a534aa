import Foundation

/// `Tests/Servers/smtp_server.py` (aiosmtpd) on 127.0.0.1 and a free port, one per test, saving
/// what it accepts into its own folder. It exits when this object closes its standard input.
final class SMTPTestServer: @unchecked Sendable {
    let maildir: URL
    let tlsDirectory: URL?
    private let server: TestServerProcess
    var port: Int { server.port }

    /// `options` are the script's flags (`--auth user:pass`, `--tempfail 1`, `--reject addr`, `--drop 1`).
    init(_ options: [String] = [], tls: Bool = false) throws {
        let root = try TestPaths.temporaryDirectory()
        maildir = root.appendingPathComponent("mail")
        tlsDirectory = tls ? root.appendingPathComponent("tls") : nil
        // The server's own log (TLS handshakes refused on purpose, say) goes beside its mail.
        server = try TestServerProcess(script: "smtp_server.py",
                                       ["--maildir", maildir.path] + options + (tlsDirectory.map { ["--tls", $0.path] } ?? []),
                                       log: root.appendingPathComponent("server.log"))
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The self-signed certificate the server presents with STARTTLS.
    var certificate: String? { tlsDirectory?.appendingPathComponent("cert.pem").path }

    /// Paths of the messages accepted so far, in order.
    func received() throws -> [URL] {
        guard FileManager.default.fileExists(atPath: maildir.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: maildir.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { maildir.appendingPathComponent($0) }
    }

    /// Connections the server has accepted so far.
    func connections() -> Int {
        Int((try? String(contentsOf: maildir.appendingPathComponent("connections"), encoding: .utf8)) ?? "0") ?? 0
    }

    /// The envelope record of an accepted message.
    func envelope(of message: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: message.deletingPathExtension().appendingPathExtension("json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// Python's `email` package (policy.default) reading messages, for checks independent of Gazette.
enum MailInspector {
    struct Inspected {
        let json: [String: Any]
        var headers: [String: [String]] { json["headers"] as? [String: [String]] ?? [:] }
        func header(_ name: String) -> String? { headers[name.lowercased()]?.first }
        var parts: [[String: Any]] { json["parts"] as? [[String: Any]] ?? [] }
        var type: String { json["type"] as? String ?? "" }
        var defects: [String] { json["defects"] as? [String] ?? [] }
        var crlfOnly: Bool { json["crlf_only"] as? Bool ?? false }
        var longestLine: Int { json["longest_line"] as? Int ?? .max }
        func body(_ type: String) -> String? { parts.first { $0["type"] as? String == type }?["body"] as? String }
        var toNames: [String] { json["to_names"] as? [String] ?? [] }
        var fromNames: [String] { json["from_names"] as? [String] ?? [] }
    }

    static func inspect(_ files: [URL]) throws -> [Inspected] {
        guard !files.isEmpty else { return [] }
        let process = Process()
        process.executableURL = TestPaths.python
        process.arguments = [TestPaths.servers.appendingPathComponent("inspect_mail.py").path] + files.map(\.path)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return list.map(Inspected.init)
    }

    static func inspect(bytes: [UInt8]) throws -> Inspected {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("m.eml")
        try Data(bytes).write(to: file)
        return try inspect([file])[0]
    }
}
