import Foundation
import GazetteKit

/// Clusters many JSONL files with several threads, printing in the order the files were given.
enum ClusterBatch {
    /// What one file produced: its output lines, its messages for standard error, and whether it failed.
    struct Result {
        var lines: [UInt8] = []
        var messages = ""
        var failed = false
    }

    /// At most this many skipped lines are named per file; the rest are counted.
    static let namedSkips = 20

    static func cluster(path: String, clusterer: StoryClusterer) -> Result {
        var result = Result()
        guard let data = FileManager.default.contents(atPath: path) else {
            result.messages = "gazette: \(path): cannot be read\n"
            result.failed = true
            return result
        }
        let batch = StoryBatch(jsonl: [UInt8](data))
        for skip in batch.skipped.prefix(namedSkips) { result.messages += "gazette: \(path):\(skip.line): skipped: \(skip.reason)\n" }
        if batch.skipped.count > namedSkips {
            result.messages += "gazette: \(path): \(batch.skipped.count - namedSkips) more malformed lines skipped\n"
        }
        let name = (path as NSString).lastPathComponent
        for (id, key) in zip(batch.ids, clusterer.keys(for: batch.items)) {
            var writer = JSON.Writer()
            writer.beginObject()
            writer.string("file", name)
            writer.value("id", id)
            writer.string("story", key)
            writer.endObject()
            result.lines += writer.bytes
            result.lines.append(0x0A)
        }
        return result
    }

    /// Clusters every file on `jobs` threads and hands each file's result to `emit` in the given
    /// order. False when a file failed.
    static func run(paths: [String], jobs: Int, clusterer: StoryClusterer, emit: (Result) -> Void) -> Bool {
        var ok = true
        OrderedBatch.run(count: paths.count, jobs: jobs, chunkPerJob: 8,
                         work: { cluster(path: paths[$0], clusterer: clusterer) }) { result in
            ok = ok && !result.failed
            emit(result)
        }
        return ok
    }
}
