import ArgumentParser
import Foundation
import GazetteKit

struct InboxClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify bounces, feedback-loop complaints and auto-replies.",
        discussion: """
        Prints one JSON line per message file: {"file": NAME, "results": [{"recipient", "kind", "reason", \
        "status"}]}, kind being hard, soft, complaint or ignore; results is empty when the message names no \
        failed recipient. A file that cannot be read gets empty results and a line on standard error (and the \
        exit status is 1); files larger than 10 MiB are classified from their first 10 MiB.
        """
    )

    @Argument(help: "Message files (.eml, one message each).")
    var files: [String] = []

    @Option(help: "Classify every regular file in this directory, in file-name order.")
    var batch: String?

    @Option(help: "Threads (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard (batch == nil) != files.isEmpty else { throw ValidationError("Give message files or --batch DIR, not both.") }
    }

    func run() throws {
        var paths = files
        var names = files.map { ($0 as NSString).lastPathComponent }
        if let batch {
            names = try OrderedBatch.files(in: batch)
            paths = names.map { (batch as NSString).appendingPathComponent($0) }
        }
        let ok = InboxBatch.run(paths: paths, names: names, jobs: jobs,
                                emit: { FileHandle.standardOutput.write(Data($0)) },
                                warn: { Diagnostics.error($0) })
        if !ok { throw ExitCode(1) }
    }
}
