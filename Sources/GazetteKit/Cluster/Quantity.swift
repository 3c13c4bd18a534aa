/// A measurement read from an item (design §4): a value and the terms that give its unit
/// ("5.6 magnitude" → 5.6, {magnitud}; "2.1 million" → 2.1, {million}).
struct Quantity {
    var value: Double
    /// Term ids, sorted, at most two.
    var units: [Int32]

    /// The same value as written by two outlets: within 2%, or an integer that is the other
    /// value rounded (7 vs 6.9).
    static func sameValue(_ a: Double, _ b: Double) -> Bool {
        if abs(a - b) <= 0.02 * max(abs(a), abs(b)) { return true }
        for (x, y) in [(a, b), (b, a)] where x.rounded(.towardZero) == x && y.rounded(.towardZero) != y {
            if y.rounded(.toNearestOrEven) == x { return true }
        }
        return false
    }

    /// Two items state the same kind of quantity with different values and never the same value
    /// for that unit: they cannot be one story.
    static func conflict(_ a: [Quantity], _ b: [Quantity]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        var bad: [Int32] = [], good: [Int32] = []
        for x in a {
            for y in b {
                let shared = x.units.filter(y.units.contains)
                guard !shared.isEmpty else { continue }
                if sameValue(x.value, y.value) { good += shared } else { bad += shared }
            }
        }
        return bad.contains { !good.contains($0) }
    }
}
