import ArgumentParser
import Foundation
import GazetteKit

struct FeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feed",
        abstract: "Parse a feed file and print it as JSON.",
        discussion: """
        Reads RSS 0.9x/2.0, RSS 1.0, Atom 1.0/0.3 and JSON Feed. Prints one JSON object and exits 0 even \
        for a document that could only partly be read; a document that is unsafe to read (entity \
        expansion) or unreadable prints an "error" field and exits 1; so does a document that is not a \
        feed at all (an HTML page, say), with what was found on standard error.
        """
    )

    @Argument(help: "The feed file (with --batch: a directory of *.xml files).")
    var file: String

    @Argument(help: "The URL the document came from: the base for relative URLs.")
    var baseURL: String?

    @Flag(help: "Parse every *.xml in the directory FILE; print one JSON line per file, in name order.")
    var batch = false

    @Option(help: "Threads for --batch (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() throws {
        if batch {
            try FeedBatch.run(directory: file, baseURL: baseURL, jobs: jobs) { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let report = FeedBatch.report(path: file, baseURL: baseURL, file: nil)
        print(report.jsonLine)
        if report.isError {
            FileHandle.standardError.write(Data("gazette: \(report.errorMessage ?? file)\n".utf8))
            throw ExitCode(1)
        }
        if let reason = report.notAFeedReason {
            FileHandle.standardError.write(Data("gazette: \(file): not a feed: \(reason)\n".utf8))
            throw ExitCode(1)
        }
    }
}
