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
    /// `emit`, in file-name order, a chunk at a time (so memory stays bounded).
    static func run(directory: String, baseURL: String?, jobs: Int, emit: ([UInt8]) -> Void) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        let chunkSize = max(1, jobs) * 16
        for chunkStart in stride(from: 0, to: names.count, by: chunkSize) {
            let chunk = Array(names[chunkStart..<min(names.count, chunkStart + chunkSize)])
            let lines = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: chunk.count)
            lines.initialize(repeating: [])
            defer { lines.deallocate() }
            nonisolated(unsafe) let slots = lines  // each iteration writes its own slot
            let parseOne: @Sendable (Int) -> Void = { index in
                let path = (directory as NSString).appendingPathComponent(chunk[index])
                slots[index] = report(path: path, baseURL: baseURL, file: chunk[index]).jsonBytes
            }
            if jobs == 1 {
                (0..<chunk.count).forEach(parseOne)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunk.count, execute: parseOne)
            }
            var output: [UInt8] = []
            for line in lines {
                output += line
                output.append(0x0A)
            }
            emit(output)
        }
    }
}
