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
        expansion) prints an "error" field and exits 1.
        """
    )

    @Argument(help: "The feed file (with --batch: a directory of *.xml files).")
    var file: String

    @Argument(help: "The URL the document came from: the base for relative URLs.")
    var baseURL: String?

    @Flag(help: "Parse every *.xml in the directory FILE; print one JSON line per file.")
    var batch = false

    func run() throws {
        if batch {
            let directory = URL(fileURLWithPath: file)
            let names = try FileManager.default.contentsOfDirectory(atPath: file).filter { $0.hasSuffix(".xml") }.sorted()
            for name in names {
                let path = directory.appendingPathComponent(name).path
                print(Self.report(path: path, baseURL: baseURL, file: name).jsonLine)
            }
            return
        }
        let report = Self.report(path: file, baseURL: baseURL, file: nil)
        print(report.jsonLine)
        if report.isError { throw ExitCode(1) }
    }

    static func report(path: String, baseURL: String?, file: String?) -> FeedReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            return FeedReport(error: "\(path): cannot be read", file: file)
        }
        do {
            return FeedReport(try FeedParser().parse(data, url: baseURL, source: path), file: file)
        } catch {
            FileHandle.standardError.write(Data("gazette: \(error)\n".utf8))
            return FeedReport(error: error.description, file: file)
        }
    }
}
