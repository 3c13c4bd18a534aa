/// What the clusterer knows about one item (design §4): term frequencies (title occurrences
/// weigh `titleWeight`), the years it mentions and the quantities it states.
struct ItemFeatures {
    /// Distinct terms in order of first occurrence, and their weighted frequencies.
    var terms: [Int32] = []
    var frequencies: [Double] = []
    /// The same terms, sorted.
    var termSet: [Int32] = []
    /// Year terms, sorted.
    var years: [Int32] = []
    var quantities: [Quantity] = []

    /// How many terms before a number a measure word may stand ("magnitude of at least 5.9").
    static let unitLookBack = 3

    /// Units that make a number a measurement, and the one unit word written before its number.
    struct UnitWords {
        var scale: Set<Int32>
        var before: Set<Int32>

        init(_ table: TermTable) {
            scale = Set(["million", "billion", "trillion", "percent", "magnitud", "richter", "mln", "bln", "bn"].compactMap(table.id(of:)))
            before = Set(["magnitud"].compactMap(table.id(of:)))
        }
    }

    init(_ item: TermTable.Interned, table: TermTable, units: UnitWords, parameters: StoryClusterer.Parameters) {
        var slot: [Int32: Int] = [:]
        var years = Set<Int32>()
        for (part, weight, isLead) in [(item.title, parameters.titleWeight, false), (item.lead, 1.0, true)] {
            for (k, token) in part.enumerated() {
                let term = token.term
                if let index = slot[term] {
                    frequencies[index] += weight
                } else {
                    slot[term] = terms.count
                    terms.append(term)
                    frequencies.append(weight)
                }
                guard table.isNumber[Int(term)] else { continue }
                if table.isYear[Int(term)] { years.insert(term); continue }
                if isLead && k >= parameters.quantityLeadTerms { continue }
                var unit: [Int32] = []
                if k + 1 < part.count, !table.isNumber[Int(part[k + 1].term)] { unit.append(part[k + 1].term) }
                for j in max(0, k - Self.unitLookBack)..<k where units.before.contains(part[j].term) && !unit.contains(part[j].term) {
                    unit.append(part[j].term)
                }
                guard !unit.isEmpty, let value = table.values[Int(term)] else { continue }
                if value.rounded(.towardZero) != value || unit.contains(where: units.scale.contains) {
                    quantities.append(Quantity(value: value, units: unit.sorted()))
                }
            }
        }
        termSet = terms.sorted()
        self.years = years.sorted()
    }
}
