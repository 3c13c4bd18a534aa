/// What the whole batch says about how each term is written (design §5).
struct BatchLexicon {
    /// Written capitalised mid-sentence at least twice as often as in lower case: weights are boosted.
    var names: [Bool]
    /// Never written in lower case, capitalised at least once: may anchor a single item.
    var nameLike: [Bool]

    init(_ items: [TermTable.Interned], termCount: Int) {
        var counts = [(mid: Int, capital: Int, lower: Int, lowerInformative: Int)](repeating: (0, 0, 0, 0), count: termCount)
        for item in items {
            for token in item.title + item.lead {
                let term = Int(token.term)
                switch token.flag {
                case .unknown: break
                case .midSentence: counts[term].mid += 1
                case .capital: counts[term].capital += 1
                case .lower: counts[term].lower += 1
                case .lowerInformative: counts[term].lowerInformative += 1
                }
            }
        }
        names = counts.map { $0.mid >= 1 && $0.mid >= 2 * $0.lowerInformative }
        nameLike = counts.map { $0.lower + $0.lowerInformative == 0 && $0.mid + $0.capital >= 1 }
    }
}
