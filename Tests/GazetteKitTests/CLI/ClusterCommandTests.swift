import Foundation
import Testing

@Suite struct ClusterCommandTests {
    func write(_ lines: [String], to url: URL) throws {
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    func outputLines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func batchPrintsOneLinePerItemInFileOrder() throws {
        let directory = try TestPaths.temporaryDirectory()
        try write([
            #"{"id": "a", "title": "Harbour bridge closes after cracks found", "lead": "Kessington harbour bridge shut after cracks found in span."}"#,
            #"{"id": 2, "title": "Kessington harbour bridge shut over cracks", "lead": "Cracks found in the span of the Kessington harbour bridge."}"#,
            "this line is not JSON",
            #"{"id": "c", "title": "Museum opens exhibition of maps"}"#,
        ], to: directory.appendingPathComponent("b.jsonl"))
        try write([#"{"id": "z", "title": "Only item"}"#], to: directory.appendingPathComponent("a.jsonl"))
        try write([], to: directory.appendingPathComponent("empty.jsonl"))
        try write(["ignored"], to: directory.appendingPathComponent("notes.txt"))
        let run = try GazetteProcess.run(["cluster", "--batch", directory.path, "--jobs", "2"])
        #expect(run.status == 0)
        let lines = try outputLines(run.stdout)
        #expect(lines.map { $0["file"] as? String } == ["a.jsonl", "b.jsonl", "b.jsonl", "b.jsonl"])
        #expect(lines.map { "\($0["id"]!)" } == ["z", "a", "2", "c"])
        #expect(lines[2]["id"] is NSNumber)  // the id keeps its JSON type
        #expect(lines.map { $0["story"] as? String } == ["s0", "s0", "s0", "s2"])
        #expect(run.stderr == "gazette: \(directory.path)/b.jsonl:3: skipped: not JSON\n")
    }

    @Test func filesAreClusteredEachOnItsOwn() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("one.jsonl")
        try write([#"{"id": "x", "title": "Bridge closes"}"#], to: file)
        let binary = directory.appendingPathComponent("binary.jsonl")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }).write(to: binary)
        let run = try GazetteProcess.run(["cluster", file.path, binary.path, file.path])
        #expect(run.status == 0)
        #expect(try outputLines(run.stdout).map { $0["story"] as? String } == ["s0", "s0"])
        #expect(run.stderr.contains("binary.jsonl:1: skipped"))
    }

    @Test func aMissingFileFailsAfterTheOthers() throws {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("one.jsonl")
        try write([#"{"id": "x", "title": "Bridge closes"}"#], to: file)
        let run = try GazetteProcess.run(["cluster", directory.appendingPathComponent("missing.jsonl").path, file.path])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("missing.jsonl: cannot be read"))
        #expect(try GazetteProcess.run(["cluster"]).status != 0)
    }
}
