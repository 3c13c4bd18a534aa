import Foundation
import Testing
@testable import GazetteKit

/// The sample digest (with an image) against the "Can I email" support data, through
/// `../shared/bench/email_lint.py` run where it lies (nothing copied). Every feature marked
/// unsupported in a major client must be in `Tests/Fixtures/render/email-lint-allowlist.txt`
/// with a reason. Needs tinycss2 ≥ 1.3 and PyYAML: `scripts/setup.sh --tests` puts them in
/// `.build/venv-lint`.
@Suite struct EmailLintTests {
    static let script = TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/bench/email_lint.py")
    static let python = TestPaths.repository.appendingPathComponent(".build/venv-lint/bin/python")
    static let available = FileManager.default.fileExists(atPath: script.path) && FileManager.default.isExecutableFile(atPath: python.path)

    /// Feature slugs and their reasons.
    static func allowlist() throws -> [String: String] {
        let text = try String(contentsOf: TestPaths.fixture("render/email-lint-allowlist.txt"), encoding: .utf8)
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { entries[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return entries
    }

    @Test(.enabled(if: available, "../shared/bench/email_lint.py or .build/venv-lint (scripts/setup.sh --tests) is missing"))
    func everyFeatureAMajorClientLacksHasAFallbackOrAReason() throws {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("digest.html")
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        try #require(rendered.html).write(to: file, atomically: true, encoding: .utf8)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("<img "))

        let (status, output) = try PythonScript.run(Self.script, [file.path, "--clients", "gmail,outlook,apple-mail,yahoo,samsung-email"],
                                                    python: Self.python)
        #expect(status == 0, "\(output)")

        // "  css-border-radius [border-radius] n in ol-win" lines under the "Unsupported" heading.
        let section = try #require(output.components(separatedBy: "Unsupported (\"n\")").last?.components(separatedBy: "\n\n").first)
        let unsupported = section.split(separator: "\n").dropFirst()
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!unsupported.isEmpty, "the linter's report changed shape: \(output)")
        let allowed = try Self.allowlist()
        let missing = unsupported.filter { allowed[$0] == nil }
        #expect(missing.isEmpty, "unsupported in a major client, with no fallback or reason in email-lint-allowlist.txt: \(missing)")
        #expect(allowed.values.allSatisfy { !$0.isEmpty })
    }
}
