import Foundation
import GazetteKit

/// Classifies many message files with several threads, reporting in file-name order.
enum InboxBatch {
    /// One file's JSON line and what to say on standard error about it.
    struct Report {
        var line: [UInt8] = []
        var problem: String?
    }

    /// Classifies one file; an unreadable file gives no findings and a problem line.
    static func report(path: String, name: String) -> Report {
        var report = Report()
        var findings: [BounceFinding] = []
        do {
            let (bytes, truncated) = try InboxFile.read(path)
            if truncated { report.problem = "\(path): larger than 10 MiB; classified the first 10 MiB" }
            findings = BounceClassifier.classify(InboxMessage(bytes: bytes))
        } catch {
            report.problem = "\(path): cannot be read: \(error.reason)"
        }
        var json = JSON.Writer()
        json.beginObject()
        json.string("file", name)
        json.beginArray("results")
        for finding in findings {
            json.beginObject()
            json.string("recipient", finding.recipient)
            json.string("kind", finding.kind.rawValue)
            json.string("reason", finding.reason)
            json.string("status", finding.status)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        report.line = json.bytes + [0x0A]
        return report
    }

    /// The regular files of `directory` not starting with a dot, by name.
    static func files(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// Classifies `paths` (shown as `names`) on `jobs` threads; `emit` gets the JSON lines in
    /// order, a chunk at a time, and `warn` the problem lines.
    static func run(paths: [String], names: [String], jobs: Int, emit: ([UInt8]) -> Void, warn: (String) -> Void) {
        let chunkSize = max(1, jobs) * 64
        for chunkStart in stride(from: 0, to: paths.count, by: chunkSize) {
            let range = chunkStart..<min(paths.count, chunkStart + chunkSize)
            let slots = UnsafeMutableBufferPointer<Report>.allocate(capacity: range.count)
            slots.initialize(repeating: Report())
            defer { slots.deinitialize(); slots.deallocate() }
            nonisolated(unsafe) let shared = slots  // each iteration writes its own slot
            let classifyOne: @Sendable (Int) -> Void = { index in
                shared[index] = report(path: paths[range.lowerBound + index], name: names[range.lowerBound + index])
            }
            if jobs == 1 {
                (0..<range.count).forEach(classifyOne)
            } else {
                DispatchQueue.concurrentPerform(iterations: range.count, execute: classifyOne)
            }
            var output: [UInt8] = []
            for report in slots {
                output += report.line
                if let problem = report.problem { warn(problem) }
            }
            emit(output)
        }
    }
}
