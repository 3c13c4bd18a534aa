import Foundation
import GazetteKit

/// Parses many feed files with several threads, reporting in file-name order.
enum FeedBatch {
    /// The report for one file: the parsed feed, or the error that stopped it.
    static func report(path: String, baseURL: String?, file: String?) -> FeedReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            return FeedReport(error: "\(path): cannot be read", file: file)
        }
        do {
            return FeedReport(try FeedParser().parse(data, url: baseURL, source: path), file: file)
        } catch {
            return FeedReport(error: error.description, file: file)
        }
    }

    /// Parses every `*.xml` in `directory` on `jobs` threads and hands each report's JSON line to
    /// `emit`, in file-name order.
    static func run(directory: String, baseURL: String?, jobs: Int, emit: ([UInt8]) -> Void) throws {
        let names = try OrderedBatch.files(in: directory, suffix: ".xml")
        OrderedBatch.run(count: names.count, jobs: jobs, chunkPerJob: 16, work: { index in
            report(path: (directory as NSString).appendingPathComponent(names[index]), baseURL: baseURL, file: names[index]).jsonBytes + [0x0A]
        }, emit: emit)
    }
}
