/// Stage 1 (design §8): repeatedly merges the pair of clusters with the highest mean pairwise
/// cosine, while it is at least `linkThreshold`, when the merge is allowed.
enum AverageLinkStage {
    static func run(_ state: inout ClusterState) {
        let threshold = state.parameters.linkThreshold
        var version = [Int](repeating: 0, count: state.members.count)
        var initial: [MergeHeap.Entry] = []
        for (i, row) in state.sums.enumerated() {
            for (j, similarity) in row where i < j && similarity >= threshold {
                initial.append(.init(similarity: similarity, a: i, b: j, versionA: 0, versionB: 0))
            }
        }
        var heap = MergeHeap(initial)
        while let entry = heap.pop() {
            let a = entry.a, b = entry.b
            guard state.isAlive(a), state.isAlive(b), version[a] == entry.versionA, version[b] == entry.versionB else { continue }
            guard state.allowed(a, b, threshold: state.parameters.coreConflict) else { continue }
            state.merge(a, b)
            version[a] += 1
            for c in state.sums[a].keys {
                let similarity = state.meanSimilarity(a, c)
                guard similarity >= threshold else { continue }
                let (i, j) = (min(a, c), max(a, c))
                heap.push(.init(similarity: similarity, a: i, b: j, versionA: version[i], versionB: version[j]))
            }
        }
    }
}
