import Foundation

/// Bulk import from CSV (header row: email, and optionally id, name, status, format, sections,
/// created, updated; other columns become attributes) or JSON (the subscriber-file shape, or an
/// array of objects). An export imported into an empty file gives the same list back: ids (so
/// tokens already sent keep working), statuses (so suppression survives), dates and attributes.
public enum SubscriberImport {
    /// One row to import, with the line it came from.
    public struct Row: Sendable {
        /// CSV: the line the record starts on; JSON: the entry's position. Both count from 1.
        public var line: Int
        public var email: String
        /// The id wanted for a new entry; nil for a random one. Existing entries keep theirs.
        public var id: String?
        public var name: String?
        /// As written, checked by `apply`; nil keeps an entry's status (`active` for a new one).
        public var status: String?
        /// As written, checked by `apply`; nil keeps an entry's format (`html` for a new one).
        public var format: String?
        /// Sections wanted; nil keeps an entry's sections, empty means all.
        public var sections: [String]?
        /// Date text, read by `apply`; used only for a new entry.
        public var created: String?
        /// Date text, read by `apply`; used only for a new entry (a changed one gets the time of the import).
        public var updated: String?
        /// Extra CSV columns or the JSON `attributes` object; merged into an existing entry's.
        public var attributes: [String: JSONValue] = [:]
    }

    /// The columns Gazette reads itself; any other becomes an attribute.
    static let columns: Set<String> = ["email", "id", "name", "status", "format", "sections", "created", "updated"]

    /// What an import did (or would do, on a dry run).
    public struct Report: Sendable, Equatable {
        /// Normalised addresses of the entries added.
        public var added: [String] = []
        /// Addresses of existing entries that changed.
        public var updated: [String] = []
        /// Addresses of existing entries the rows left as they were.
        public var unchanged: [String] = []
        /// Addresses that are unsubscribed or bounced, left alone without `--resubscribe`.
        public var refused: [(line: Int, email: String)] = []
        /// Rows not applied, with why (bad address, status, format, date or id).
        public var invalid: [(line: Int, reason: String)] = []

        /// Compares addresses and the lines of invalid rows; the reasons are not compared.
        public static func == (a: Report, b: Report) -> Bool {
            a.added == b.added && a.updated == b.updated && a.unchanged == b.unchanged
                && a.refused.map(\.email) == b.refused.map(\.email) && a.invalid.map(\.line) == b.invalid.map(\.line)
        }

        /// One summary line, then one line per refused or invalid row.
        public var text: String {
            var lines = ["added \(added.count), updated \(updated.count), unchanged \(unchanged.count), "
                         + "refused (suppressed) \(refused.count), invalid \(invalid.count)"]
            lines += refused.map { "line \($0.line): \($0.email) is suppressed (use --resubscribe)" }
            lines += invalid.map { "line \($0.line): \($0.reason)" }
            return lines.joined(separator: "\n")
        }
    }

    /// Reads rows from a `.csv` or `.json` file's bytes.
    public static func rows(from data: Data, path: String) throws(SubscriberError) -> [Row] {
        path.lowercased().hasSuffix(".json") ? try jsonRows(data, path: path) : try csvRows(data, path: path)
    }

    static func csvRows(_ data: Data, path: String) throws(SubscriberError) -> [Row] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformedFile(path: path, line: nil, column: nil, reason: "not UTF-8 text")
        }
        let records = CSV.parse(text)
        guard let header = records.first else { return [] }
        let names = header.fields.map { $0.trimmed.lowercased() }
        guard let emailColumn = names.firstIndex(of: "email") else {
            throw .malformedFile(path: path, line: header.line, column: nil, reason: "the header row has no 'email' column")
        }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        return records.dropFirst().map { record in
            func value(_ index: Int?) -> String? {
                guard let index, index < record.fields.count else { return nil }
                let text = CSV.unescapeFormula(record.fields[index].trimmed)
                return text.isEmpty ? nil : text
            }
            var row = Row(line: record.line, email: value(emailColumn) ?? "", id: value(column("id")), name: value(column("name")),
                          status: value(column("status")), format: value(column("format")),
                          sections: value(column("sections")).map(splitSections),
                          created: value(column("created")), updated: value(column("updated")))
            for (index, name) in names.enumerated() where !columns.contains(name) && !name.isEmpty {
                if let text = value(index) { row.attributes[name] = .string(text) }
            }
            return row
        }
    }

    static func jsonRows(_ data: Data, path: String) throws(SubscriberError) -> [Row] {
        let root: JSONValue
        do {
            root = try JSON.parse(data)
        } catch {
            throw .malformedFile(path: path, line: error.line, column: error.column, reason: error.reason)
        }
        var entries: [JSONValue]
        switch root {
        case .array(let values): entries = values
        case .object(let fields):
            guard case .array(let values)? = fields["subscribers"] else { fallthrough }
            entries = values
        default:
            throw .malformedFile(path: path, line: nil, column: nil, reason: "expected an array of subscribers or {\"subscribers\": [...]}")
        }
        return entries.enumerated().map { index, entry in
            guard case .object(let fields) = entry else { return Row(line: index + 1, email: "") }
            func text(_ key: String) -> String? {
                if case .string(let value)? = fields[key] { return value }
                return nil
            }
            var sections: [String]?
            if case .array(let values)? = fields["sections"] {
                sections = values.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            } else if let value = text("sections") {
                sections = splitSections(value)
            }
            var attributes: [String: JSONValue] = [:]
            if case .object(let values)? = fields["attributes"] { attributes = values }
            return Row(line: index + 1, email: text("email") ?? "", id: text("id"), name: text("name"), status: text("status"),
                       format: text("format"), sections: sections, created: text("created"), updated: text("updated"),
                       attributes: attributes)
        }
    }

    /// Sections in one CSV field: separated by `;` or `|`.
    static func splitSections(_ text: String) -> [String] {
        text.split { $0 == ";" || $0 == "|" }.map { $0.trimmed }.filter { !$0.isEmpty }
    }

    /// Applies rows to a list. Suppressed addresses are refused unless `resubscribe`; a row that
    /// says `unsubscribed` or `bounced` suppresses the address. Ids and dates of existing entries
    /// are kept; a new entry takes the row's id (when no other entry has it) and dates.
    public static func apply(_ rows: [Row], to list: inout SubscriberList, resubscribe: Bool, now: Date = Date()) -> Report {
        var report = Report()
        var index: [String: Int] = [:]
        var ids = Set<String>()
        for (position, subscriber) in list.subscribers.enumerated() {
            index[subscriber.email.lowercased()] = position
            ids.insert(subscriber.id)
        }
        for row in rows {
            let email: String
            do {
                email = try EmailAddress.normalize(row.email)
            } catch {
                report.invalid.append((row.line, error.description))
                continue
            }
            var format: Subscriber.Format?
            if let text = row.format {
                guard let parsed = Subscriber.Format(rawValue: text.lowercased()) else {
                    report.invalid.append((row.line, "format '\(text)' is not html or text"))
                    continue
                }
                format = parsed
            }
            var status: Subscriber.Status?
            if let text = row.status {
                guard let parsed = Subscriber.Status(rawValue: text.lowercased()) else {
                    report.invalid.append((row.line, "status '\(text)' is not one of active, pending, unsubscribed, bounced"))
                    continue
                }
                status = parsed
            }
            var created: Date?, updated: Date?
            if let text = row.created {
                guard let date = Timestamp.parse(text) else { report.invalid.append((row.line, "created '\(text)' is not a date")); continue }
                created = date
            }
            if let text = row.updated {
                guard let date = Timestamp.parse(text) else { report.invalid.append((row.line, "updated '\(text)' is not a date")); continue }
                updated = date
            }
            let name = row.name.flatMap(Subscriber.normalizedName)
            let sections = row.sections.map { $0.compactMap(Subscriber.normalizedName) }
            guard let position = index[email.lowercased()] else {
                var id = Subscriber.newID()
                if let wanted = row.id {
                    guard Subscriber.isValidID(wanted) else {
                        report.invalid.append((row.line, "id '\(wanted)' is not 1 to 64 letters, digits, '-' or '_'"))
                        continue
                    }
                    guard !ids.contains(wanted) else {
                        report.invalid.append((row.line, "id '\(wanted)' already belongs to another subscriber"))
                        continue
                    }
                    id = wanted
                }
                let made = created ?? now
                list.subscribers.append(Subscriber(id: id, email: email, name: name, status: status ?? .active, format: format ?? .html,
                                                   sections: sections ?? [], created: made, updated: updated ?? (created == nil ? now : made),
                                                   attributes: row.attributes))
                index[email.lowercased()] = list.subscribers.count - 1
                ids.insert(id)
                report.added.append(email)
                continue
            }
            var subscriber = list.subscribers[position]
            if let status, status.isSuppressed {
                subscriber.status = status
            } else if subscriber.status.isSuppressed {
                guard resubscribe else {
                    report.refused.append((row.line, email))
                    continue
                }
                subscriber.status = status ?? .active
            } else if let status {
                subscriber.status = status
            }
            if let name { subscriber.name = name }
            if let format { subscriber.format = format }
            if let sections { subscriber.sections = sections }
            subscriber.attributes.merge(row.attributes) { $1 }
            if subscriber == list.subscribers[position] {
                report.unchanged.append(email)
            } else {
                subscriber.updated = now
                list.subscribers[position] = subscriber
                report.updated.append(email)
            }
        }
        return report
    }
}
