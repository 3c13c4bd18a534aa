import Foundation
import Testing

/// Debian's SpamAssassin with its offline rules (`spamassassin -L -t`) on the sample digest, both
/// shapes: any rule with a positive score fails the test.
@Suite struct SpamAssassinTests {
    static let spamassassin = "/usr/bin/spamassassin"
    static let available = FileManager.default.isExecutableFile(atPath: spamassassin)

    @Test(.enabled(if: available, "spamassassin is not installed (scripts/setup.sh --tests installs it)"),
          arguments: ["ada@example.org", "grace@example.net"])
    func theSampleDigestTripsNoRuleWithAPositiveScore(subscriber: String) throws {
        let out = try TestPaths.temporaryDirectory()
        let preview = try GazetteProcess.run(["preview", "--config", TestPaths.repository.appendingPathComponent("Samples/gazette.yml").path,
                                              "--subscriber", subscriber, "--out", out.path, "--now", "2026-11-29T06:00:00Z"],
                                             environment: ["GAZETTE_UNSUBSCRIBE_SECRET": "test-secret"])
        #expect(preview.status == 0, "\(preview.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.spamassassin)
        process.arguments = ["-L", "-t"]
        process.standardInput = try FileHandle(forReadingFrom: out.appendingPathComponent("digest.eml"))
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let details = try #require(report.components(separatedBy: "Content analysis details:").last)
        #expect(details.contains("pts rule name"))
        // Rule lines: " 0.7 HTML_FONT_LOW_CONTRAST BODY: ..."; a positive score is one to fix.
        let positive = details.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let score = Double(fields[0]), score > 0 else { return nil }
            return String(line)
        }
        #expect(positive.isEmpty, "\(positive)")
    }
}
