import Foundation

/// Debian's Dovecot (`Tests/Servers/imap_server.py`) on 127.0.0.1 and a free port with one
/// account, `bounces` / `secret`, whose Maildir the test fills directly. Stops when this object goes.
final class IMAPTestServer: @unchecked Sendable {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/sbin/dovecot")
    let root: URL
    private let server: TestServerProcess
    var port: Int { server.port }

    init() throws {
        root = try TestPaths.temporaryDirectory()
        server = try TestServerProcess(script: "imap_server.py", ["--root", root.path], terminates: false)
    }

    var url: String { "imap://bounces@127.0.0.1:\(port)/INBOX" }

    /// Puts a message in the mailbox as an MTA would (a file in new/, owned by the mail account).
    func deliver(_ bytes: [UInt8], name: String) throws {
        let folder = root.appendingPathComponent("mail/bounces")
        let temporary = folder.appendingPathComponent("tmp/\(name)")
        try Data(bytes).write(to: temporary)
        let owner = try FileManager.default.attributesOfItem(atPath: folder.path)
        try FileManager.default.setAttributes([.ownerAccountID: owner[.ownerAccountID] as Any, .groupOwnerAccountID: owner[.groupOwnerAccountID] as Any],
                                              ofItemAtPath: temporary.path)
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent("new/\(name)"))
    }

    /// UIDs the server reports for an IMAP SEARCH (`UNSEEN`, `ALL`, `DELETED`...), through curl.
    func search(_ criteria: String) throws -> [Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-u", "bounces:secret", "imap://127.0.0.1:\(port)/INBOX", "-X", "UID SEARCH \(criteria)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("* SEARCH") }
            .flatMap { $0.dropFirst(8).split(separator: " ").compactMap { Int($0) } }
    }
}
