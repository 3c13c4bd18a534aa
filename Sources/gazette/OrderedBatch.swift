import Foundation

/// Runs one piece of work per input on several threads and hands the results back in input
/// order, a chunk at a time, so memory stays bounded: the engine behind the parallel `--batch`
/// commands (feed, inbox classify, cluster).
enum OrderedBatch {
    /// Runs `work` for `0..<count` on `jobs` threads, `chunkPerJob` inputs per thread at a time,
    /// and gives each result to `emit` in index order.
    static func run<Result: Sendable>(count: Int, jobs: Int, chunkPerJob: Int,
                                      work: @Sendable (Int) -> Result, emit: (Result) -> Void) {
        let chunkSize = max(1, jobs) * max(1, chunkPerJob)
        for chunkStart in stride(from: 0, to: count, by: chunkSize) {
            let range = chunkStart..<min(count, chunkStart + chunkSize)
            let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: range.count)
            slots.initialize(repeating: nil)
            defer {
                slots.deinitialize()
                slots.deallocate()
            }
            nonisolated(unsafe) let shared = slots  // each iteration writes its own slot
            let threads = min(max(1, jobs), range.count)
            // `threads` workers, each taking every `threads`-th input of the chunk
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for offset in stride(from: worker, to: range.count, by: threads) {
                    shared[offset] = work(range.lowerBound + offset)
                }
            }
            for case let result? in slots { emit(result) }
        }
    }

    /// The regular files of `directory` not starting with a dot (and ending with `suffix`), by name.
    static func files(in directory: String, suffix: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            return !name.hasPrefix(".") && name.hasSuffix(suffix)
                && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
