/// A max-heap of candidate merges: the highest mean similarity first, ties to the smallest
/// (a, b), then the smallest versions (the prototype's `heapq` order).
struct MergeHeap {
    struct Entry {
        var similarity: Double
        var a: Int
        var b: Int
        var versionA: Int
        var versionB: Int

        func precedes(_ other: Entry) -> Bool {
            if similarity != other.similarity { return similarity > other.similarity }
            if a != other.a { return a < other.a }
            if b != other.b { return b < other.b }
            if versionA != other.versionA { return versionA < other.versionA }
            return versionB < other.versionB
        }
    }

    private var entries: [Entry] = []

    init(_ entries: [Entry]) {
        self.entries = entries
        for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var best = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < entries.count && entries[child].precedes(entries[best]) {
                best = child
            }
            if best == parent { return }
            entries.swapAt(parent, best)
            parent = best
        }
    }
}
