import Foundation
@testable import GazetteKit

/// A list in a temp folder: feeds served by the loopback HTTP server, subscribers, a config that
/// delivers to a loopback SMTP server, and helpers to run `gazette` on it.
final class RunFixture: @unchecked Sendable {
    let root: URL
    let http: HTTPTestServer
    let smtp: SMTPTestServer
    var configURL: URL { root.appendingPathComponent("gazette.yml") }
    var stateURL: URL { root.appendingPathComponent("state") }
    static let environment = ["GAZETTE_UNSUBSCRIBE_SECRET": "test-secret"]

    /// `active` active subscribers (reader1@example.org ...) and one unsubscribed one.
    init(active: Int = 3, smtpOptions: [String] = [], extraSources: [String] = [], smtpConcurrency: Int = 2,
         feedDelayMs: Int = 0) throws {
        root = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        http = try HTTPTestServer(root: root)
        smtp = try SMTPTestServer(smtpOptions)
        var subscribers = (1...active).map { index in
            Subscriber(id: "sub\(index)", email: "reader\(index)@example.org", name: "Reader \(index)",
                       format: index % 3 == 0 ? .text : .html, created: Date(timeIntervalSince1970: 1_790_000_000))
        }
        subscribers.append(Subscriber(id: "gone", email: "gone@example.org", status: .unsubscribed,
                                      created: Date(timeIntervalSince1970: 1_790_000_000)))
        try Data(SubscriberList(subscribers: subscribers).encodedBytes()).write(to: root.appendingPathComponent("subscribers.json"))
        let delay = feedDelayMs > 0 ? "?ms=\(feedDelayMs)" : ""
        var sources = """
          - url: \(http.url("/file/feeds/world.xml" + delay))
            section: World
        """
        for extra in extraSources {
            sources += "\n  - url: \(extra)\n    section: Other"
        }
        let config = """
        title: Test Digest
        list_id: test.example.org
        time_zone: UTC
        sender:
          name: Test Digest
          address: digest@test.example.org
        sources:
        \(sources)
        selection:
          first_run_lookback_hours: 72
        fetch:
          attempts: 1
          timeout: 10
        subscribers: subscribers.json
        state_dir: state
        delivery:
          backend: smtp
          smtp:
            url: \(smtp.url)
            starttls: "off"
            concurrency: \(smtpConcurrency)
            timeout: 20
        links:
          unsubscribe: https://test.example.org/u?token={token}
        """
        try config.write(to: configURL, atomically: true, encoding: .utf8)
    }

    /// Writes the served feed: items as (guid, title, published).
    func writeFeed(_ items: [(guid: String, title: String, published: String)]) throws {
        let entries = items.map { item in
            """
            <item><title>\(item.title)</title><link>https://news.example.org/\(item.guid)?utm_source=rss</link>
            <guid isPermaLink="false">\(item.guid)</guid><pubDate>\(item.published)</pubDate>
            <description>\(item.title) is a story with a long enough summary to be used as the lead of the digest item.</description></item>
            """
        }.joined(separator: "\n")
        let feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>World Wire</title><link>https://news.example.org/</link>
        \(entries)
        </channel></rss>
        """
        try feed.write(to: root.appendingPathComponent("feeds/world.xml"), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String] = [], now: String = "2026-11-29T06:00:00Z", environment: [String: String] = [:]) throws -> GazetteProcess {
        try GazetteProcess.run(["run", "--config", configURL.path, "--now", now] + arguments,
                               environment: Self.environment.merging(environment) { $1 })
    }

    /// Starts `gazette run` without waiting for it (to signal or kill it).
    func start(_ arguments: [String] = [], now: String = "2026-11-29T06:00:00Z", output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = TestPaths.gazette
        process.arguments = ["run", "--config", configURL.path, "--now", now] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Changes the config file's text (a key's value, a section added).
    func rewriteConfig(_ change: (String) -> String) throws {
        let text = try String(contentsOf: configURL, encoding: .utf8)
        try change(text).write(to: configURL, atomically: true, encoding: .utf8)
    }

    /// Replaces the subscriber file.
    func writeSubscribers(_ subscribers: [Subscriber]) throws {
        try Data(SubscriberList(subscribers: subscribers).encodedBytes()).write(to: root.appendingPathComponent("subscribers.json"))
    }

    /// The journal of the fixture's default edition.
    var journalURL: URL { stateURL.appendingPathComponent("editions/test.example.org_2026-11-29.jsonl") }

    /// Journal lines with `"event":"<event>"`.
    func journalCount(_ event: String, outcome: String? = nil) -> Int {
        let text = (try? String(contentsOf: journalURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { line in
            line.contains("\"event\":\"\(event)\"") && (outcome.map { line.contains("\"outcome\":\"\($0)\"") } ?? true)
        }.count
    }

    /// The messages the SMTP server accepted, parsed by Python's email package.
    func received() throws -> [MailInspector.Inspected] {
        try MailInspector.inspect(try smtp.received())
    }

    /// Recipient address of each accepted message.
    func recipients() throws -> [String] {
        try smtp.received().compactMap { (try smtp.envelope(of: $0)["rcpt_tos"] as? [String])?.first }
    }

    /// Every file under the state folder with its bytes, to prove nothing changed.
    func stateSnapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: stateURL.path) else { return files }
        for case let path as String in enumerator {
            let full = stateURL.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try? Data(contentsOf: full)
            }
        }
        return files
    }
}
