import ArgumentParser
import Foundation
import GazetteKit

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch URLs concurrently and print one line per URL.",
        discussion: "Each line: status (ok for file://), bytes, seconds, final URL, and the error if any. Exits 1 when any URL failed."
    )

    @Argument(help: "http, https or file URLs.")
    var urls: [String] = []

    @Option(name: .customLong("input"), help: "Read more URLs from this file, one per line ('-' for standard input).")
    var inputFile: String?

    @Option(help: "Save each body into this directory.")
    var output: String?

    @OptionGroup var fetch: FetchOptionGroup

    func validate() throws {
        if urls.isEmpty && inputFile == nil { throw ValidationError("Give at least one URL, or --input FILE.") }
    }

    func run() async throws {
        var all = urls
        if let inputFile {
            all += try URLList.read(from: inputFile)
        }
        let outputDirectory = output.map { URL(fileURLWithPath: $0) }
        if let outputDirectory {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        }
        let results = await Fetcher(options: fetch.fetchOptions).fetch(all)
        var failed = 0
        for (position, result) in results.enumerated() {
            print(result.reportLine)
            if result.error != nil { failed += 1 }
            if let outputDirectory, let body = result.response?.body {
                try AtomicFile.write(body, to: outputDirectory.appendingPathComponent(result.bodyFileName(position: position + 1)))
            }
        }
        FileHandle.standardError.write(Data("\(results.count - failed) fetched, \(failed) failed\n".utf8))
        if failed > 0 { throw ExitCode(1) }
    }
}
