/// The items of one JSONL input file (design §1): one JSON object per line, `title` and `lead`
/// read (missing or not a string: empty), `id` kept as given. Empty lines are passed over;
/// lines that are not a JSON object are skipped and reported.
public struct StoryBatch: Sendable {
    public var items: [StoryItem] = []
    /// Each item's `id` as it was given (`null` when missing), for output.
    public var ids: [JSONValue] = []
    /// The lines skipped: 1-based line number and the reason.
    public var skipped: [(line: Int, reason: String)] = []

    public init(jsonl bytes: [UInt8]) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a byte-order mark
        var lineNumber = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            lineNumber += 1
            read(bytes[start..<end], line: lineNumber)
            if end + 1 < bytes.count, bytes[end] == 0x0D, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
        }
    }

    private mutating func read(_ raw: ArraySlice<UInt8>, line: Int) {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) || ($0 >= 0x1C && $0 <= 0x1F) }
        guard let first = raw.firstIndex(where: { !isSpace($0) }), let last = raw.lastIndex(where: { !isSpace($0) }) else { return }
        var reader = JSON.Reader(bytes: Array(raw[first...last]))
        guard reader.bytes[0] == UInt8(ascii: "{") else {
            skipped.append((line, (try? reader.value(depth: 0)) == nil ? "not JSON" : "not a JSON object"))
            return
        }
        var id = JSONValue.null, title = "", lead = ""
        do throws(JSON.SyntaxError) {
            try reader.streamObject { (key, reader) throws(JSON.SyntaxError) in
                switch key {
                case "id": id = try reader.value(depth: 1)
                case "title": title = try Self.text(&reader)
                case "lead": lead = try Self.text(&reader)
                default: _ = try reader.value(depth: 1)
                }
            }
            try reader.finish()
        } catch {
            skipped.append((line, "not JSON (column \(error.column): \(error.reason))"))
            return
        }
        let idText: String
        switch id {
        case .string(let text): idText = text
        case .null: idText = ""
        default: idText = String(decoding: JSON.text(id, style: .compact), as: UTF8.self)
        }
        items.append(StoryItem(id: idText, title: title, lead: lead))
        ids.append(id)
    }

    /// A string value as text; any other value is consumed and reads as empty.
    private static func text(_ reader: inout JSON.Reader) throws(JSON.SyntaxError) -> String {
        if let text = try reader.stringIfPresent() { return text }
        _ = try reader.value(depth: 1)
        return ""
    }
}
