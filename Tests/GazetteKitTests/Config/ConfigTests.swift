import Foundation
import Testing
@testable import GazetteKit

@Suite struct ConfigTests {
    @Test func theBundledSampleAndTheStarterConfigAreValid() throws {
        let sample = try ConfigReader.load(path: TestPaths.repository.appendingPathComponent("Samples/gazette.yml").path)
        #expect(sample.sources.count == 3)
        #expect(sample.sources[0].kind == .article)
        #expect(sample.sources[0].url.hasPrefix("file:///") && sample.sources[0].url.hasSuffix("Samples/articles/bridge-reopens.html"))
        #expect(sample.selection.firstRunLookbackHours == nil)
        #expect(sample.timeZone.identifier == "Europe/London")
        let starter = try ConfigReader.parse(StarterFiles.starterConfig, path: "/x/gazette.yml")
        #expect(starter.sources.count == 1 && starter.delivery.backend == .outbox)
        #expect(starter.stateDirectory == "/x/state" && starter.subscribersFile == "/x/subscribers.json")
        #expect(starter.selection.maxItems == 40 && starter.fetch.perHost == 4)
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let yaml = """
        title: T
        time_zone: Mars/Olympus
        sender:
          address: not-an-address
        sources:
          - url: ftp://example.org/feed
            section: News
          - section: Missing url
        selection:
          max_items: lots
          lead_paragrafs: 2
        delivery:
          backend: smtp
          smtp:
            url: smtp://mail.example.org
            password: hunter2
        """
        do {
            _ = try ConfigReader.parse(yaml, path: "g.yml")
            Issue.record("accepted a bad config")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(lines.contains("g.yml:2:12: time_zone \"Mars/Olympus\" is not an IANA zone name such as Europe/London"))
            #expect(lines.contains("g.yml:4:12: sender address \"not-an-address\" is not a valid email address"))
            #expect(lines.contains("g.yml:6:10: source url \"ftp://example.org/feed\" must start with http://, https:// or file:"))
            #expect(lines.contains { $0.hasPrefix("g.yml:8:") && $0.hasSuffix("a source needs a url") })
            #expect(lines.contains("g.yml:10:14: max_items must be a whole number from 1 to 1000, not \"lots\""))
            #expect(lines.contains("g.yml:11:3: unknown key \"lead_paragrafs\" in selection"))
            #expect(lines.contains { $0.hasPrefix("g.yml:16:") && $0.contains("password_env") })
            #expect(lines.count == 7)
        }
    }

    @Test func malformedYAMLNamesLineAndColumn() {
        do {
            _ = try ConfigReader.parse("title: [unclosed\nsources: x\n", path: "bad.yml")
            Issue.record("accepted malformed YAML")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].description.hasPrefix("bad.yml:"))
            #expect(error.problems[0].line != nil)
        }
    }

    @Test func checkCommandListsProblemsAndExitsTwo() throws {
        let directory = try TestPaths.temporaryDirectory()
        let config = directory.appendingPathComponent("g.yml")
        try "title: T\nsources:\n  - url: file:missing.xml\n    section: S\ntemplates: tpl\n".write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tpl"), withIntermediateDirectories: true)
        try "{{#items}}\n{{headline}}\n".write(to: directory.appendingPathComponent("tpl/item.txt.mustache"), atomically: true, encoding: .utf8)
        let check = try GazetteProcess.run(["check", "--config", config.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("tpl/item.txt.mustache:"))
        #expect(check.stderr.contains("template error"))
        #expect(check.stderr.contains("subscribers.json: subscribers file does not exist"))
        #expect(check.stderr.contains("missing.xml does not exist"))
    }

    @Test func initWritesAStarterThatChecksCleanAndNeverOverwrites() throws {
        let directory = try TestPaths.temporaryDirectory().appendingPathComponent("news")
        let first = try GazetteProcess.run(["init", directory.path])
        #expect(first.status == 0)
        #expect(first.stdout.contains("gazette.yml") && first.stdout.contains("templates/digest.html.mustache"))
        let check = try GazetteProcess.run(["check", "--config", directory.appendingPathComponent("gazette.yml").path])
        #expect(check.status == 0, "\(check.stderr)")
        let again = try GazetteProcess.run(["init", directory.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func checkWarnsAboutDigestsWithoutAWorkingOneClickUnsubscribe() throws {
        let directory = try TestPaths.temporaryDirectory().appendingPathComponent("news")
        #expect(try GazetteProcess.run(["init", directory.path]).status == 0)
        let config = directory.appendingPathComponent("gazette.yml")
        let bare = try GazetteProcess.run(["check", "--config", config.path])
        #expect(bare.status == 0 && bare.stderr.contains("warning: ") && bare.stderr.contains("no unsubscribe link"), "\(bare.stderr)")

        let starter = try String(contentsOf: config, encoding: .utf8)
        try starter.replacingOccurrences(of: "  # base_url: https://news.example.org", with: "  base_url: http://news.example.org")
            .write(to: config, atomically: true, encoding: .utf8)
        let secret = ["GAZETTE_UNSUBSCRIBE_SECRET": "test-secret"]
        let plain = try GazetteProcess.run(["check", "--config", config.path], environment: secret)
        #expect(plain.status == 0 && plain.stderr.contains("not https") && !plain.stderr.contains("no unsubscribe link"), "\(plain.stderr)")

        try starter.replacingOccurrences(of: "  # base_url: https://news.example.org", with: "  base_url: https://news.example.org")
            .write(to: config, atomically: true, encoding: .utf8)
        let served = try GazetteProcess.run(["check", "--config", config.path], environment: secret)
        #expect(served.status == 0 && !served.stderr.contains("warning"), "\(served.stderr)")
    }
}

@Suite struct RunConfigErrorTests {
    @Test func aMissingSMTPPasswordVariableStopsTheRunWithExitTwo() throws {
        let fixture = try RunFixture(active: 1)
        try fixture.writeFeed(DailyRunTests.day1)
        try fixture.rewriteConfig {
            $0.replacingOccurrences(of: "    timeout: 20\n", with: "    timeout: 20\n    username: digest\n    password_env: GAZETTE_TEST_UNSET_PASSWORD\n")
        }
        let result = try fixture.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("$GAZETTE_TEST_UNSET_PASSWORD, which is not set"))
        #expect(try fixture.smtp.received().isEmpty)
    }

    @Test func aBrokenTemplateStopsTheRunBeforeAnythingIsSent() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(DailyRunTests.day1)
        let templates = fixture.root.appendingPathComponent("tpl")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<p>\n{{#sections}}{{name}}\n".write(to: templates.appendingPathComponent("digest.html.mustache"), atomically: true, encoding: .utf8)
        try fixture.rewriteConfig { "templates: tpl\n" + $0 }
        let result = try fixture.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("tpl/digest.html.mustache:"))
        #expect(try fixture.smtp.received().isEmpty)
        #expect(fixture.stateSnapshot().keys.allSatisfy { $0 == "run.lock" })
    }

    @Test func aMalformedSubscribersFileStopsTheRunBeforeAnyFetch() throws {
        let fixture = try RunFixture(active: 2)
        try fixture.writeFeed(DailyRunTests.day1)
        try "{\"version\": 1, \"subscribers\": [\n  {\"email\": \"a@b.org\",}\n]}\n".write(
            to: fixture.root.appendingPathComponent("subscribers.json"), atomically: true, encoding: .utf8)
        let result = try fixture.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("subscribers.json:2:"))
        #expect(fixture.stateSnapshot().keys.allSatisfy { $0 == "run.lock" })
        #expect(try fixture.http.stats()["requests"] as? Int == 0)
    }
}
