/// The header block of an entity (DESIGN.md step 1.1): lines up to the first empty line; an
/// indented line continues the field before; a stray `name=value` line (broken folding) is glued
/// to the field before; an mbox `From ` first line is skipped; any other line ends the block and
/// starts the body.
enum HeaderBlock {
    static func split(_ raw: ArraySlice<UInt8>) -> (fields: [MIMEEntity.Field], body: ArraySlice<UInt8>) {
        var names: [String] = []
        var values: [[UInt8]] = []
        var bodyStart = raw.endIndex
        let lines = InboxBytes.lines(raw)
        for (number, range) in lines.enumerated() {
            let line = raw[range]
            if line.isEmpty {
                bodyStart = number + 1 < lines.count ? lines[number + 1].lowerBound : raw.endIndex
                break
            }
            let first = line[line.startIndex]
            if (first == 0x20 || first == 0x09) && !values.isEmpty {
                values[values.count - 1] += [0x20] + InboxBytes.stripped(line)
            } else if let (name, value) = fieldLine(line), !InboxBytes.hasPrefix(line, [0x2D, 0x2D]) {
                names.append(name)
                values.append(Array(InboxBytes.stripped(value)))
            } else if !values.isEmpty && isStrayParameter(line) {
                values[values.count - 1] += [0x20] + InboxBytes.stripped(line)
            } else if number == 0 && InboxBytes.hasPrefix(line, Array("From ".utf8)) {
                continue
            } else {
                bodyStart = range.lowerBound
                break
            }
        }
        let fields = zip(names, values).map { MIMEEntity.Field(name: $0, value: $1) }
        return (fields, raw[bodyStart...])
    }

    /// `name: value` with the name of printable ASCII other than `:` (the value is the rest).
    private static func fieldLine(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] >= 0x21, line[index] <= 0x7E, line[index] != 0x3A { index += 1 }
        guard index > line.startIndex else { return nil }
        let nameEnd = index
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index < line.endIndex, line[index] == 0x3A else { return nil }
        index += 1
        if index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        let name = String(decoding: line[line.startIndex..<nameEnd].map(\.asciiLowercased), as: UTF8.self)
        return (name, line[index...])
    }

    /// `^\s*[A-Za-z-]+=`.
    private static func isStrayParameter(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        while index < line.endIndex, InboxBytes.isSpace(line[index]) { index += 1 }
        let start = index
        while index < line.endIndex, line[index].isASCIILetter || line[index] == 0x2D { index += 1 }
        return index > start && index < line.endIndex && line[index] == 0x3D
    }
}
