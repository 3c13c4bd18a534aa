import Foundation
@testable import GazetteKit

/// A list in a temp folder with `gazette serve` running on 127.0.0.1 and a free port: outbox
/// delivery (confirmations land as `.eml` files), local feeds, and helpers for real HTTP requests
/// with curl.
final class ServeFixture: @unchecked Sendable {
    let root: URL
    var configURL: URL { root.appendingPathComponent("gazette.yml") }
    var outbox: URL { root.appendingPathComponent("outbox") }
    var subscribersURL: URL { root.appendingPathComponent("subscribers.json") }
    static let secret = "serve-test-secret"
    static let environment = ["GAZETTE_UNSUBSCRIBE_SECRET": secret]
    private(set) var servers: [(process: Process, port: Int, log: URL)] = []
    var tokens: UnsubscribeToken { UnsubscribeToken(secret: Self.secret) }

    /// `delivery` is the config's `delivery:` value (default: the outbox).
    init(subscribers: [Subscriber] = [], extraServe: String = "", delivery: String = "{backend: outbox, outbox: outbox}") throws {
        root = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        try """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
        <item><title>Harbour bridge reopens</title><link>https://wire.example.org/bridge</link><guid>bridge</guid>
        <pubDate>Sun, 29 Nov 2026 05:00:00 GMT</pubDate><description>The swing bridge reopened on Saturday after new gear was fitted by the engineers.</description></item>
        <item><title>Comet over the quay</title><link>https://wire.example.org/comet</link><guid>comet</guid>
        <pubDate>Sun, 29 Nov 2026 04:00:00 GMT</pubDate><description>Many in town saw a comet over the quay last night, the observatory said today.</description></item>
        </channel></rss>
        """.write(to: root.appendingPathComponent("feeds/wire.xml"), atomically: true, encoding: .utf8)
        try Data(SubscriberList(subscribers: subscribers).encodedBytes()).write(to: subscribersURL)
        try """
        title: Harbour Daily
        list_id: harbour.example.org
        time_zone: UTC
        sender: {name: Harbour Daily, address: daily@harbour.example.org}
        sources:
          - {url: "file:feeds/wire.xml", section: News}
          - {url: "file:feeds/wire.xml", section: Science, name: Science wire}
        selection: {first_run_lookback_hours: all}
        subscribers: subscribers.json
        state_dir: state
        delivery: \(delivery)
        serve:
          base_url: https://harbour.example.org
          listen: 127.0.0.1:0
        \(extraServe)
        """.write(to: configURL, atomically: true, encoding: .utf8)
    }

    deinit {
        for server in servers where server.process.isRunning {
            server.process.terminate()
            server.process.waitUntilExit()
        }
    }

    /// Starts one more server; returns its port once it listens.
    @discardableResult
    func start() throws -> Int {
        let process = Process()
        process.executableURL = TestPaths.gazette
        process.arguments = ["serve", "--config", configURL.path]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        let log = root.appendingPathComponent("serve-\(servers.count).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("listening on "), let port = Int(text.split(separator: ":").last ?? "") else {
            throw TestServerError(message: "gazette serve did not start: \(text) \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        servers.append((process, port, log))
        return port
    }

    /// A real HTTP request with curl: the status and the body.
    struct Reply {
        let status: Int
        let body: String
        let headers: String
    }

    func request(_ method: String = "GET", _ path: String, form: [(String, String)] = [], body: String? = nil,
                 headers: [String] = [], server: Int = 0) throws -> Reply {
        let port = servers[server].port
        var arguments = ["-s", "-S", "-o", "-", "-D", "/dev/stderr", "-w", "\n%{http_code}", "-X", method, "--max-time", "20"]
        for (name, value) in form { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        if let body { arguments += ["--data-binary", body] }
        for header in headers { arguments += ["-H", header] }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let headerData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return Reply(status: status, body: String(text.dropLast(String(status).count + 1)), headers: String(decoding: headerData, as: UTF8.self))
    }

    /// The list as every reader sees it (pending changes included).
    func list() throws -> [Subscriber] {
        try SubscriberStore(url: subscribersURL).read().subscribers
    }

    /// Bytes of the subscriber file and its change log, to prove a request changed nothing.
    func stateOnDisk() -> [Data?] {
        [try? Data(contentsOf: subscribersURL), try? Data(contentsOf: URL(fileURLWithPath: subscribersURL.path + ".changes"))]
    }

    /// The confirmation messages in the outbox, newest last, decoded.
    func confirmations() throws -> [MailInspector.Inspected] {
        guard FileManager.default.fileExists(atPath: outbox.path) else { return [] }
        let files = try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: [.contentModificationDateKey])
            .filter { $0.pathExtension == "eml" }
            .sorted { (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast
                < (try? $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast) ?? .distantPast }
        return try MailInspector.inspect(files).filter { $0.header("Subject")?.hasPrefix("Confirm") == true }
    }

    /// The confirmation link (its path and query) in a message's text part.
    static func confirmPath(in message: MailInspector.Inspected) -> String? {
        guard let text = message.body("text/plain"), let range = text.range(of: "https://harbour.example.org/confirm?token=") else { return nil }
        let token = text[range.upperBound...].prefix { !$0.isWhitespace }
        return "/confirm?token=" + token
    }

    func run(_ arguments: [String] = [], now: String = "2026-11-29T06:00:00Z") throws -> GazetteProcess {
        try GazetteProcess.run(["run", "--config", configURL.path, "--now", now] + arguments, environment: Self.environment)
    }

    /// Waits until `condition` holds (up to 20 s).
    func waitUntil(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
