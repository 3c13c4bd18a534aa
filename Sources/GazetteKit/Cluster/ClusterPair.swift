/// Two cluster ids, `a` < `b`, ordered by `a` then `b`.
struct ClusterPair: Hashable, Comparable {
    var a: Int
    var b: Int

    static func < (lhs: ClusterPair, rhs: ClusterPair) -> Bool { (lhs.a, lhs.b) < (rhs.a, rhs.b) }
}
