import Foundation

/// The list written out for other tools. CSV carries every field: id, email, name, status, format,
/// sections, created, updated, then one column per attribute; a cell a spreadsheet would run as a
/// formula gets a leading `'`, which import removes again.
public enum SubscriberExport {
    /// A header row, then one line per subscriber; LF line ends, cells quoted when needed.
    public static func csv(_ subscribers: [Subscriber]) -> String {
        let attributeNames = Set(subscribers.flatMap(\.attributes.keys))
            .subtracting(SubscriberImport.columns).sorted()
        var lines = [(["id", "email", "name", "status", "format", "sections", "created", "updated"] + attributeNames)
            .map(CSV.quote).joined(separator: ",")]
        for s in subscribers {
            var cells = [s.id, s.email, s.name ?? "", s.status.rawValue, s.format.rawValue, s.sections.joined(separator: ";"),
                         Timestamp.rfc3339(s.created), Timestamp.rfc3339(s.updated)]
            for name in attributeNames { cells.append(s.attributes[name].map(text) ?? "") }
            lines.append(cells.map { CSV.quote(CSV.escapeFormula($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The list in the subscriber-file shape (pretty-printed, keys sorted).
    public static func json(_ subscribers: [Subscriber]) -> String {
        String(decoding: SubscriberList(subscribers: subscribers).encode(), as: UTF8.self)
    }

    /// An attribute as one cell: strings as they are, anything else as JSON.
    private static func text(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        var out: [UInt8] = []
        JSON.write(value, style: .file, indent: 0, to: &out)
        return String(decoding: out, as: UTF8.self).replacingOccurrences(of: "\n", with: "")
    }
}
