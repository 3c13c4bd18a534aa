import Foundation

/// TF-IDF vectors and their sparse cosine similarities within one batch (design §6), with the
/// pair gates of §7 applied: conflicting quantities become cannot-links, and pairs sharing fewer
/// than `minSharedTerms` terms lose their edge.
struct SimilarityGraph {
    /// Per item: neighbour → cosine. Symmetric.
    var edges: [[Int: Double]]
    /// Per item: the items it must never share a cluster with.
    var cannotLink: [Set<Int>]
    /// Per term: the number of items that use it.
    var documentFrequency: [Int]

    init(_ features: [ItemFeatures], termCount: Int, names: [Bool], parameters: StoryClusterer.Parameters) {
        let n = features.count
        var df = [Int](repeating: 0, count: termCount)
        for item in features { for term in item.terms { df[Int(term)] += 1 } }
        documentFrequency = df

        // Postings per term, items in ascending order; each item's vector remembers its place there.
        var postings = [[(item: Int, weight: Double)]](repeating: [], count: termCount)
        var vectors = [[(term: Int32, position: Int)]](repeating: [], count: n)
        for (index, item) in features.enumerated() {
            var vector: [(term: Int32, weight: Double)] = []
            var squares = 0.0
            for (term, frequency) in zip(item.terms, item.frequencies) {
                var idf = log(Double(1 + n) / Double(1 + df[Int(term)]))
                if names[Int(term)] { idf *= parameters.nameWeight }
                let weight = frequency >= 1 ? (1 + log(frequency)) * idf : frequency * idf
                guard weight > 0 else { continue }
                vector.append((term, weight))
                squares += weight * weight
            }
            var norm = squares.squareRoot()
            if norm == 0 { norm = 1 }
            for entry in vector.sorted(by: { $0.term < $1.term }) {
                vectors[index].append((entry.term, postings[Int(entry.term)].count))
                postings[Int(entry.term)].append((index, entry.weight / norm))
            }
        }

        // Row by row, the products summed in ascending term order, so every run adds in the same order.
        var upper = [[(item: Int, similarity: Double)]](repeating: [], count: n)
        var row = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            for (term, position) in vectors[i] {
                let posting = postings[Int(term)]
                let x = posting[position].weight
                for (j, y) in posting[(position + 1)...] {
                    if !isTouched[j] {
                        isTouched[j] = true
                        touched.append(j)
                    }
                    row[j] += x * y
                }
            }
            touched.sort()
            upper[i] = touched.map { ($0, row[$0]) }
            for j in touched {
                row[j] = 0
                isTouched[j] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        var edges = [[Int: Double]](repeating: [:], count: n)
        var cannot = [Set<Int>](repeating: [], count: n)
        for i in 0..<n {
            for (j, similarity) in upper[i] {
                if Quantity.conflict(features[i].quantities, features[j].quantities) {
                    cannot[i].insert(j)
                    cannot[j].insert(i)
                } else if Self.sharedCount(features[i].termSet, features[j].termSet, atLeast: parameters.minSharedTerms) {
                    edges[i][j] = similarity
                    edges[j][i] = similarity
                }
            }
        }
        self.edges = edges
        cannotLink = cannot
    }

    /// Whether two sorted term lists share at least `minimum` terms.
    static func sharedCount(_ a: [Int32], _ b: [Int32], atLeast minimum: Int) -> Bool {
        guard minimum > 0 else { return true }
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else {
                shared += 1
                if shared >= minimum { return true }
                i += 1
                j += 1
            }
        }
        return false
    }
}
