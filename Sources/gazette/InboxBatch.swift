import Foundation
import GazetteKit

/// Classifies many message files with several threads, reporting in file-name order.
enum InboxBatch {
    /// One file's JSON line and what to say on standard error about it.
    struct Report {
        var line: [UInt8] = []
        var problem: String?
        /// The file could not be read (a truncated one was, in part).
        var unreadable = false
    }

    /// Classifies one file; an unreadable file gives no findings and a problem line.
    static func report(path: String, name: String) -> Report {
        var report = Report()
        var findings: [BounceFinding] = []
        do {
            let (bytes, truncated) = try InboxFile.read(path)
            if truncated {
                let mib = InboxFile.defaultLimit >> 20
                report.problem = "\(path): larger than \(mib) MiB; classified the first \(mib) MiB"
            }
            findings = BounceClassifier.classify(InboxMessage(bytes: bytes))
        } catch {
            report.problem = "\(path): cannot be read: \(error.reason)"
            report.unreadable = true
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

    /// Classifies `paths` (shown as `names`) on `jobs` threads; `emit` gets the JSON lines in
    /// order and `warn` the problem lines. False when a file could not be read.
    static func run(paths: [String], names: [String], jobs: Int, emit: ([UInt8]) -> Void, warn: (String) -> Void) -> Bool {
        var ok = true
        OrderedBatch.run(count: paths.count, jobs: jobs, chunkPerJob: 64,
                         work: { report(path: paths[$0], name: names[$0]) }) { report in
            emit(report.line)
            if let problem = report.problem { warn(problem) }
            ok = ok && !report.unreadable
        }
        return ok
    }
}
