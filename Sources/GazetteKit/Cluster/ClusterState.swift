import Foundation

/// The clusters while they merge (design §8): members, per-cluster term document counts, and the
/// sum of pair cosines between clusters. A cluster's id is its smallest member index; a merged-away
/// cluster has no members.
struct ClusterState {
    var members: [[Int]]
    /// Per cluster: (term, number of members using it), sorted by term.
    var counts: [[(term: Int32, count: Int32)]]
    /// Per cluster: other cluster → sum of the pair cosines between their members.
    var sums: [[Int: Double]]
    let years: [[Int32]]
    let cannotLink: [Set<Int>]
    /// Per term: a name of the batch (capitalised mid-sentence, or never written in lower case).
    let isName: [Bool]
    let parameters: StoryClusterer.Parameters

    init(_ features: [ItemFeatures], graph: SimilarityGraph, lexicon: BatchLexicon, parameters: StoryClusterer.Parameters) {
        members = features.indices.map { [$0] }
        counts = features.map { $0.termSet.map { ($0, 1) } }
        sums = graph.edges
        years = features.map(\.years)
        cannotLink = graph.cannotLink
        isName = zip(lexicon.names, lexicon.nameLike).map { $0 || $1 }
        self.parameters = parameters
    }

    func isAlive(_ cluster: Int) -> Bool { !members[cluster].isEmpty }

    func size(_ cluster: Int) -> Int { members[cluster].count }

    func meanSimilarity(_ a: Int, _ b: Int) -> Double {
        (sums[a][b] ?? 0) / Double(members[a].count * members[b].count)
    }

    /// Merges `b` into `a`.
    mutating func merge(_ a: Int, _ b: Int) {
        members[a] += members[b]
        members[b] = []
        counts[a] = Self.mergedCounts(counts[a], counts[b])
        counts[b] = []
        let fromB = sums[b]
        sums[b] = [:]
        for (c, x) in fromB where c != a {
            let total = (sums[a][c] ?? 0) + x
            sums[a][c] = total
            sums[c][a] = total
            sums[c][b] = nil
        }
        sums[a][b] = nil
    }

    /// Whether `a` and `b` may merge (design §8): no cannot-link between them, no year conflict,
    /// not both sides with exclusive-term evidence ≥ `threshold`, and not both sides with a
    /// unanimous name of their own.
    func allowed(_ a: Int, _ b: Int, threshold: Double) -> Bool {
        for i in members[a] where !cannotLink[i].isEmpty {
            if members[b].contains(where: cannotLink[i].contains) { return false }
        }
        if yearConflict(a, b) { return false }
        if size(a) >= 2, size(b) >= 2 {
            if min(evidence(a, against: b), evidence(b, against: a)) >= threshold { return false }
            if parameters.unanimousNameCheck, hasOwnName(a, against: b), hasOwnName(b, against: a) { return false }
        }
        return true
    }

    /// Every member of `a` uses some name that no member of `b` uses. With two or three items a
    /// cluster cannot reach the evidence threshold, but two clusters that each agree on a name the
    /// other never mentions (another opponent, another town) are two events of the same kind.
    func hasOwnName(_ a: Int, against b: Int) -> Bool {
        let ca = counts[a], cb = counts[b], everyone = Int32(size(a))
        var j = 0
        for entry in ca where entry.count == everyone && isName[Int(entry.term)] {
            while j < cb.count, cb[j].term < entry.term { j += 1 }
            if !(j < cb.count && cb[j].term == entry.term) { return true }
        }
        return false
    }

    /// Both clusters have dominant years and neither mentions a dominant year of the other.
    func yearConflict(_ a: Int, _ b: Int) -> Bool {
        let (dominantA, allA) = yearProfile(a)
        guard !dominantA.isEmpty else { return false }
        let (dominantB, allB) = yearProfile(b)
        guard !dominantB.isEmpty else { return false }
        return !dominantA.contains(where: allB.keys.contains) && !dominantB.contains(where: allA.keys.contains)
    }

    /// The dominant years of a cluster (in ≥ 2 members and ≥ `yearShare` of them) and the count of every year.
    func yearProfile(_ cluster: Int) -> (dominant: [Int32], all: [Int32: Int]) {
        var count: [Int32: Int] = [:]
        for member in members[cluster] { for year in years[member] { count[year, default: 0] += 1 } }
        let limit = parameters.yearShare * Double(members[cluster].count)
        return (count.filter { $0.value >= 2 && Double($0.value) >= limit }.map(\.key), count)
    }

    /// E(a→b) = |b| · −ln(1 − k/(|a|+1)), k the largest count in `a` of a term used by ≥ 2 members
    /// of `a` and by no member of `b`; 0 without such a term.
    func evidence(_ a: Int, against b: Int) -> Double {
        let ca = counts[a], cb = counts[b]
        var k: Int32 = 0
        var j = 0
        for entry in ca {
            while j < cb.count, cb[j].term < entry.term { j += 1 }
            if entry.count >= 2, entry.count > k, !(j < cb.count && cb[j].term == entry.term) { k = entry.count }
        }
        guard k > 0 else { return 0 }
        return -Double(size(b)) * log(1 - Double(k) / Double(size(a) + 1))
    }

    static func mergedCounts(_ a: [(term: Int32, count: Int32)], _ b: [(term: Int32, count: Int32)]) -> [(term: Int32, count: Int32)] {
        var out: [(term: Int32, count: Int32)] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].term < b[j].term) {
                out.append(a[i]); i += 1
            } else if i == a.count || b[j].term < a[i].term {
                out.append(b[j]); j += 1
            } else {
                out.append((a[i].term, a[i].count + b[j].count)); i += 1; j += 1
            }
        }
        return out
    }
}
