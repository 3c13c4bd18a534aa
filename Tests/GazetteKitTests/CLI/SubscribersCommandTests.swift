import Foundation
import Testing
@testable import GazetteKit

@Suite struct SubscribersCommandTests {
    let directory: URL
    let file: String

    init() throws {
        directory = try TestPaths.temporaryDirectory()
        file = directory.appendingPathComponent("subscribers.json").path
    }

    func run(_ arguments: [String], secret: String? = "test-secret") throws -> GazetteProcess {
        try GazetteProcess.run(["subscribers"] + arguments + ["--file", file],
                               environment: secret.map { ["GAZETTE_UNSUBSCRIBE_SECRET": $0] } ?? [:])
    }

    @Test func twentyProcessesAddingAtOnceAllLand() throws {
        let results = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 20)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let file = self.file
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            slots[index] = (try? GazetteProcess.run(["subscribers", "add", "reader\(index)@example.org", "--file", file]).status) ?? -1
        }
        #expect(results.allSatisfy { $0 == 0 })
        let list = try SubscriberStore(url: URL(fileURLWithPath: file)).read()
        #expect(Set(list.subscribers.map(\.email)) == Set((0..<20).map { "reader\($0)@example.org" }))
    }

    @Test func aKillDuringWritesLeavesAWholeFile() throws {
        // A list big enough that a write takes a while, then imports killed at varying moments.
        var list = SubscriberList()
        for i in 0..<20_000 { list.subscribers.append(Subscriber(email: "old\(i)@example.org", name: "Old \(i)")) }
        try list.encode().write(to: URL(fileURLWithPath: file))
        var csv = "email,name\n"
        for i in 0..<20_000 { csv += "new\(i)@example.org,New \(i)\n" }
        let source = directory.appendingPathComponent("more.csv")
        try Data(csv.utf8).write(to: source)
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = TestPaths.gazette
            process.arguments = ["subscribers", "import", source.path, "--file", file]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(20_000 + attempt * 40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try SubscriberStore(url: URL(fileURLWithPath: file)).read()  // must parse
            #expect(after.subscribers.count == 20_000 || after.subscribers.count == 40_000)
            if after.subscribers.count == 40_000 { break }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.count <= 1)  // at most the killed write's own temp file, never read as the list
    }

    @Test func aMalformedFileIsNeverRewrittenAndTheErrorSaysWhere() throws {
        let broken = "{\n  \"version\": 1,\n  \"subscribers\": [\n    {\"email\" \"a@b.org\"}\n  ]\n}\n"
        try Data(broken.utf8).write(to: URL(fileURLWithPath: file))
        let run = try run(["add", "new@example.org"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("subscribers.json:4:14: expected ':' after a key (the file was not changed)"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == broken)
    }

    @Test func addRefusesDuplicatesCaseInsensitivelyAndSaysWhichEntryExists() throws {
        #expect(try run(["add", "Jo@Example.org", "--name", "Jo", "--format", "text", "--section", "World"]).status == 0)
        let duplicate = try run(["add", "jo@EXAMPLE.ORG"])
        #expect(duplicate.status != 0)
        #expect(duplicate.stderr.contains("jo@example.org is already on the list as Jo@example.org (id "))
        let bad = try run(["add", "Jo <jo@x.org>"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("without a display name"))
        let shown = try run(["show", "jo@example.org"])
        #expect(shown.stdout.contains("\"format\": \"text\""))
        #expect(shown.stdout.contains("\"World\""))
    }

    @Test func removeKeepsASuppressionEntryAndPurgeErases() throws {
        _ = try run(["add", "a@example.org"])
        _ = try run(["add", "b@example.org"])
        #expect(try run(["remove", "a@example.org"]).status == 0)
        let again = try run(["add", "a@example.org"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("a@example.org is unsubscribed"))
        #expect(try run(["add", "a@example.org", "--resubscribe"]).status == 0)
        #expect(try run(["remove", "b@example.org", "--purge"]).status == 0)
        #expect(try run(["list"]).stdout.split(separator: "\n").count == 1)
        #expect(try run(["count", "--status", "active"]).stdout == "1\n")
    }

    @Test func unsubscribeWithAToken() throws {
        _ = try run(["add", "t@example.org"])
        let token = try run(["token", "t@example.org"]).stdout.trimmed
        #expect(try run(["unsubscribe", "--token", token + "0"]).status != 0)
        let wrongSecret = try run(["unsubscribe", "--token", token], secret: "other")
        #expect(wrongSecret.stderr.contains("the unsubscribe token is not valid"))
        #expect(try run(["unsubscribe", "--token", token]).stdout == "unsubscribed t@example.org\n")
        #expect(try run(["list", "--status", "unsubscribed"]).stdout.contains("t@example.org"))
        let noSecret = try run(["token", "t@example.org"], secret: nil)
        #expect(noSecret.status != 0)
        #expect(noSecret.stderr.contains("GAZETTE_UNSUBSCRIBE_SECRET"))
    }

    @Test func importReportsLinesAndDryRunWritesNothing() throws {
        _ = try run(["add", "gone@example.org"])
        _ = try run(["remove", "gone@example.org"])
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let csv = directory.appendingPathComponent("in.csv")
        try Data("\u{FEFF}email,name\nok@example.org,\"Ok, Fine\"\nnot-an-address,X\ngone@example.org,G\n".utf8).write(to: csv)
        let dry = try run(["import", csv.path, "--dry-run"])
        #expect(dry.stdout.hasPrefix("dry run: added 1, updated 0, unchanged 0, refused (suppressed) 1, invalid 1"))
        #expect(dry.stdout.contains("line 3: 'not-an-address' is not a valid address"))
        #expect(dry.stdout.contains("line 4: gone@example.org is suppressed"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let real = try run(["import", csv.path])
        #expect(real.status == 1)
        #expect(try run(["count", "--status", "active"]).stdout == "1\n")
        #expect(try run(["count", "--status", "unsubscribed"]).stdout == "1\n")
    }

    @Test func exportAsCSVAndJSON() throws {
        _ = try run(["add", "x@example.org", "--name", "X, Y"])
        let csv = try run(["export"]).stdout
        #expect(csv.hasPrefix("id,email,name,status,format,sections,created,updated\n"))
        #expect(csv.contains(",x@example.org,\"X, Y\",active,html,,"))
        let json = try run(["export", "--format", "json", "--status", "active"]).stdout
        let decoded = try SubscriberList.decode(Data(json.utf8), path: "export")
        #expect(decoded.subscribers.map(\.email) == ["x@example.org"])
    }

    @Test func theConfigNamesTheFileAndTheSecretVariable() throws {
        let elsewhere = directory.appendingPathComponent("lists")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("gazette.yml")
        try """
        title: T
        sources:
          - url: https://example.org/feed.xml
            section: News
        subscribers: lists/readers.json
        secrets:
          unsubscribe_secret_env: LIST_SECRET
        """.write(to: config, atomically: true, encoding: .utf8)
        let added = try GazetteProcess.run(["subscribers", "add", "cfg@example.org", "--config", config.path])
        #expect(added.status == 0, "\(added.stderr)")
        let list = try SubscriberStore(url: elsewhere.appendingPathComponent("readers.json")).read()
        #expect(list.subscribers.map(\.email) == ["cfg@example.org"])
        // The default lookup finds ./gazette.yml as run does; the secret comes from the config's variable.
        let token = try GazetteProcess.run(["subscribers", "token", "cfg@example.org"], environment: ["LIST_SECRET": "s"], directory: directory)
        #expect(token.status == 0, "\(token.stderr)")
        #expect(UnsubscribeToken(secret: "s").verify(token.stdout.trimmed) == list.subscribers[0].id)
        let missing = try GazetteProcess.run(["subscribers", "token", "cfg@example.org"], directory: directory)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("LIST_SECRET"))
    }

    @Test func exportThenImportIntoAnEmptyFileKeepsIdsStatusesAndAttributes() throws {
        try Data(SubscriberList(subscribers: [
            Subscriber(id: "keep1", email: "a@example.org", name: "=1+2", created: Date(timeIntervalSince1970: 0), attributes: ["city": .string("Oslo")]),
            Subscriber(id: "keep2", email: "b@example.org", status: .unsubscribed, created: Date(timeIntervalSince1970: 0)),
        ]).encodedBytes()).write(to: URL(fileURLWithPath: file))
        let exported = try run(["export"])
        #expect(exported.stdout.contains("'=1+2"))
        let csv = directory.appendingPathComponent("export.csv")
        try Data(exported.stdout.utf8).write(to: csv)
        let copy = directory.appendingPathComponent("copy.json").path
        let imported = try GazetteProcess.run(["subscribers", "import", csv.path, "--file", copy])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let list = try SubscriberStore(url: URL(fileURLWithPath: copy)).read().subscribers
        #expect(list.map(\.id) == ["keep1", "keep2"])
        #expect(list.map(\.status) == [.active, .unsubscribed])
        #expect(list[0].name == "=1+2" && list[0].attributes == ["city": .string("Oslo")])
    }

    @Test func namesAreStoredWithoutLineBreaksOrControls() throws {
        #expect(try run(["add", "n@example.org", "--name", "Eve\r\nBcc: all@example.org\u{7}"]).status == 0)
        #expect(try SubscriberStore(url: URL(fileURLWithPath: file)).read().subscribers[0].name == "Eve Bcc: all@example.org")
        #expect(try run(["list"]).stdout.split(separator: "\n").count == 1)
    }
}
