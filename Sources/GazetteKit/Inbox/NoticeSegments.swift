/// Each recipient's part of a notice (DESIGN.md step T6), so that one recipient's error or SMTP
/// command does not leak to the next.
enum NoticeSegments {
    /// address → (own, extended). `own`: its line alone when that line already states the error
    /// ("554 <a@b>... Host unknown"), else its block up to a blank line or the next recipient's
    /// line; `extended`: from its line to the next recipient's line, plus any other line naming it.
    /// A recipient found only in a header (line -1) gets the lines naming it for both.
    static func segments(_ notice: String, _ found: [(address: String, line: Int)]) -> [String: (own: String, extended: String)] {
        let lines = notice.newlineSeparated
        var lowered: [String]?
        func linesNaming(_ address: String, outside excluded: Range<Int>) -> [Substring] {
            if lowered == nil { lowered = lines.map { $0.lowercased() } }
            let key = address.lowercased()
            return lines.indices.filter { !excluded.contains($0) && lowered![$0].has(key) }.map { lines[$0] }
        }
        let starts = Set(found.map(\.line).filter { $0 >= 0 }).sorted()
        var result: [String: (String, String)] = [:]
        for (address, start) in found {
            guard start >= 0 else {
                let naming = linesNaming(address, outside: 0..<0).joined(separator: "\n")
                result[address] = (naming, naming)
                continue
            }
            let end = starts.first { $0 > start } ?? lines.count
            let chunk = lines[start..<end]
            var own = [chunk[start]]
            if RecipientScanner.replyLine.prefixMatch(in: String(chunk[start])) == nil {
                for line in chunk.dropFirst() {
                    if line.pythonStripped.isEmpty {
                        if own.count > 1 { break }
                        continue
                    }
                    own.append(line)
                }
            }
            let others = linesNaming(address, outside: start..<end)
            result[address] = (own.joined(separator: "\n"), (Array(chunk) + others).joined(separator: "\n"))
        }
        return result
    }
}
