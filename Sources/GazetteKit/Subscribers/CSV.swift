import Foundation

/// RFC 4180 CSV: comma-separated, `"` quoting with `""` escapes, fields may span lines,
/// CRLF or LF line ends, a leading UTF-8 BOM ignored.
enum CSV {
    struct Record {
        /// The line the record starts on, counting from 1.
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let value = pending { pending = nil; return value }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": fields.append(field); field = ""
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                endRecord(); line += 1; recordLine = line
            case "\n": endRecord(); line += 1; recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// One field, quoted when it needs to be.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Characters that make a spreadsheet read a cell as a formula (CSV injection).
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell a spreadsheet would run as a formula gets a leading `'` (and a cell that already
    /// starts with `'` gets another one), so `unescapeFormula` gives every value back unchanged.
    static func escapeFormula(_ field: String) -> String {
        guard let first = field.first, formulaStarts.contains(first) || first == "'" else { return field }
        if first == "'", field.count > 1, !formulaStarts.contains(field[field.index(after: field.startIndex)]),
           field[field.index(after: field.startIndex)] != "'" {
            return field
        }
        return "'" + field
    }

    /// Undoes `escapeFormula`: one leading `'` before a formula character or another `'` is removed.
    static func unescapeFormula(_ field: String) -> String {
        guard field.first == "'", field.count > 1 else { return field }
        let second = field[field.index(after: field.startIndex)]
        return formulaStarts.contains(second) || second == "'" ? String(field.dropFirst()) : field
    }
}
