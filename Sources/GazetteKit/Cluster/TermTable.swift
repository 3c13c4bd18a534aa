/// The terms of one batch as integer ids. Ids follow the code point order of the term texts, so
/// iterating ids in ascending order is the sorted-term order the design asks for.
struct TermTable {
    /// Term text by id.
    let texts: [String]
    /// Per term: a number term (`#…`).
    let isNumber: [Bool]
    /// Per term: a year term (`#1900`–`#2099`).
    let isYear: [Bool]
    /// Per term: the value of a number term that reads as a finite decimal.
    let values: [Double?]

    /// Item tokens with their terms replaced by ids: per item, (title, lead) pairs of id arrays and flags.
    struct Interned {
        var title: [(term: Int32, flag: CaseFlag)]
        var lead: [(term: Int32, flag: CaseFlag)]
    }

    /// Interns the tokens of every item.
    static func intern(_ items: [(title: [StoryTokeniser.Token], lead: [StoryTokeniser.Token])]) -> (TermTable, [Interned]) {
        var provisional: [String: Int32] = [:]
        var texts: [String] = []
        func id(_ text: String) -> Int32 {
            if let id = provisional[text] { return id }
            let id = Int32(texts.count)
            provisional[text] = id
            texts.append(text)
            return id
        }
        var interned = items.map { item in
            Interned(title: item.title.map { (id($0.term), $0.flag) }, lead: item.lead.map { (id($0.term), $0.flag) })
        }
        let order = texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
        var rank = [Int32](repeating: 0, count: texts.count)
        for (position, old) in order.enumerated() { rank[old] = Int32(position) }
        for index in interned.indices {
            for k in interned[index].title.indices { interned[index].title[k].term = rank[Int(interned[index].title[k].term)] }
            for k in interned[index].lead.indices { interned[index].lead[k].term = rank[Int(interned[index].lead[k].term)] }
        }
        return (TermTable(texts: order.map { texts[$0] }), interned)
    }

    init(texts: [String]) {
        self.texts = texts
        isNumber = texts.map { $0.utf8.first == UInt8(ascii: "#") }
        values = texts.map { $0.utf8.first == UInt8(ascii: "#") ? Self.value(of: $0) : nil }
        isYear = texts.map { text in
            let digits = text.unicodeScalars.dropFirst()
            guard text.utf8.first == UInt8(ascii: "#"), digits.count == 4, digits.allSatisfy(ScalarClass.isDigit) else { return false }
            let year = digits.reduce(0) { $0 * 10 + Int(ScalarClass.asciiDigit($1) - 0x30) }
            return year >= 1900 && year <= 2099
        }
    }

    /// The id of a term, if the batch has it.
    func id(of text: String) -> Int32? {
        var low = 0, high = texts.count
        while low < high {
            let mid = (low + high) / 2
            if texts[mid].utf8.lexicographicallyPrecedes(text.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < texts.count && texts[low] == text ? Int32(low) : nil
    }

    /// `#1.5` → 1.5; nil for `#1.2.3` or a value too large for a Double.
    private static func value(of term: String) -> Double? {
        var ascii: [UInt8] = []
        var points = 0
        for scalar in term.unicodeScalars.dropFirst() {
            if scalar == "." { points += 1; ascii.append(UInt8(ascii: ".")) } else { ascii.append(ScalarClass.asciiDigit(scalar)) }
        }
        guard points <= 1, let value = Double(String(decoding: ascii, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
