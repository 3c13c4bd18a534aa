import ArgumentParser
import Foundation
import GazetteKit

struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group news items that tell the same story.",
        discussion: """
        Reads JSONL files, one item per line ({"id", "title", "lead", ...}; only title and lead are used) \
        and clusters each file on its own. Prints one line per item, in input order: \
        {"file": NAME, "id": ID, "story": KEY}; items of one file with equal KEY are one story. Lines that \
        are not JSON objects are skipped with a message on standard error.
        """
    )

    @Argument(help: "JSONL files of items.")
    var files: [String] = []

    @Option(help: ArgumentHelp("Cluster every *.jsonl in this directory, in name order.", valueName: "dir"))
    var batch: String?

    @Option(help: "Threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("set"), help: .hidden)
    var overrides: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard (batch == nil) != files.isEmpty else { throw ValidationError("Give JSONL files or --batch DIR (not both).") }
        _ = try parameters()
    }

    /// The design's parameters with `--set name=value` overrides (for tuning runs).
    func parameters() throws -> StoryClusterer.Parameters {
        var parameters = StoryClusterer.Parameters()
        for override in overrides {
            let parts = override.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), parameters.set(parts[0], to: value) else {
                throw ValidationError("--set takes NAME=NUMBER with NAME one of \(StoryClusterer.Parameters.names.joined(separator: ", ")).")
            }
        }
        return parameters
    }

    func run() throws {
        var paths = files
        if let batch {
            let names: [String]
            do {
                names = try OrderedBatch.files(in: batch, suffix: ".jsonl")
            } catch {
                FileHandle.standardError.write(Data("gazette: \(batch): cannot list the directory\n".utf8))
                throw ExitCode(1)
            }
            paths = names.map { (batch as NSString).appendingPathComponent($0) }
        }
        let clusterer = StoryClusterer(parameters: try parameters())
        let ok = ClusterBatch.run(paths: paths, jobs: jobs, clusterer: clusterer) { result in
            if !result.messages.isEmpty { FileHandle.standardError.write(Data(result.messages.utf8)) }
            if !result.lines.isEmpty { FileHandle.standardOutput.write(Data(result.lines)) }
        }
        if !ok { throw ExitCode(1) }
    }
}
