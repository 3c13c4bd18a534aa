/// Stage 2 (design §9): merges fragments of one story that share a specific term few other items
/// use (an anchor), best mean similarity first, with the stricter evidence threshold.
enum AnchorStage {
    static func run(_ state: inout ClusterState, documentFrequency df: [Int], nameLike: [Bool], isNumber: [Bool]) {
        let p = state.parameters
        let isAnchorTerm = df.indices.map { df[$0] >= p.anchorMinDocuments && !isNumber[$0] }
        while true {
            // Holders: term → clusters using it in at least `anchorShare` of their members.
            var holders: [Int32: [(cluster: Int, count: Int)]] = [:]
            for cluster in state.members.indices where state.isAlive(cluster) {
                let limit = p.anchorShare * Double(state.size(cluster))
                for entry in state.counts[cluster] where isAnchorTerm[Int(entry.term)] && Double(entry.count) >= limit {
                    holders[entry.term, default: []].append((cluster, Int(entry.count)))
                }
            }
            var candidates = Set<ClusterPair>()
            for (term, held) in holders where held.count > 1 {
                for x in 0..<(held.count - 1) {
                    for y in (x + 1)..<held.count {
                        let (a, ca) = held[x], (b, cb) = held[y]
                        if Double(ca + cb) < p.anchorConcentration * Double(df[Int(term)]) { continue }
                        if !nameLike[Int(term)] {
                            // A common noun does not pull in a lone item, nor join two small clusters.
                            if state.size(a) == 1 || state.size(b) == 1 { continue }
                            if max(state.size(a), state.size(b)) < p.nounAnchorMinSize { continue }
                        }
                        candidates.insert(ClusterPair(a: min(a, b), b: max(a, b)))
                    }
                }
            }
            var best: (similarity: Double, pair: ClusterPair)?
            for pair in candidates.sorted() {
                let similarity = state.meanSimilarity(pair.a, pair.b)
                if similarity < p.anchorMinSimilarity { continue }
                if let best, similarity <= best.similarity { continue }
                if state.allowed(pair.a, pair.b, threshold: p.anchorConflict) { best = (similarity, pair) }
            }
            guard let best else { return }
            state.merge(best.pair.a, best.pair.b)
        }
    }
}
