import Foundation

/// The subscriber file: `{"version": 1, "subscribers": [...]}`. Reading keeps every field it does not
/// know (top level and per subscriber) so that writing gives them back unchanged.
public struct SubscriberList: Sendable, Equatable {
    /// The schema version written; a file with a higher one is refused.
    public static let version = 1

    public var subscribers: [Subscriber] = []
    /// Top-level fields other than `version` and `subscribers`.
    public var unknownFields: [String: JSONValue] = [:]

    /// What was read: the bytes, each entry as decoded and its byte range. An entry still equal to
    /// what was read is written back as those bytes, so saving a large file costs little more than
    /// copying it.
    private var source: (bytes: [UInt8], originals: [Subscriber], ranges: [Range<Int>])?

    /// Compares entries and unknown fields, not the bytes the list was read from.
    public static func == (a: SubscriberList, b: SubscriberList) -> Bool {
        a.subscribers == b.subscribers && a.unknownFields == b.unknownFields
    }

    public init(subscribers: [Subscriber] = []) {
        self.subscribers = subscribers
    }

    /// The subscriber with this address, compared case-insensitively.
    public func index(of email: String) -> Int? {
        let key = Array(email.utf8)
        return subscribers.firstIndex { Self.sameAddress($0.email, key) }
    }

    /// The subscriber with this address (normalised first), or `notFound`.
    public func subscriber(withEmail email: String) throws(SubscriberError) -> Subscriber {
        let address = try EmailAddress.normalize(email)
        guard let index = index(of: address) else { throw .notFound(address) }
        return subscribers[index]
    }

    /// Case-insensitive (ASCII) comparison without allocating; addresses are ASCII once normalised.
    private static func sameAddress(_ email: String, _ key: [UInt8]) -> Bool {
        guard email.utf8.count == key.count else { return false }
        for (a, b) in zip(email.utf8, key) where a != b {
            if a.asciiLowercased != b.asciiLowercased { return false }
        }
        return true
    }

    // MARK: Reading

    /// Parses a file's bytes; `path` names it in errors, which carry line and column.
    public static func decode(_ data: Data, path: String) throws(SubscriberError) -> SubscriberList {
        try decode(bytes: [UInt8](data), path: path)
    }

    /// Parses a file's bytes without copying them. `keepingSource` keeps the bytes so that a
    /// rewrite copies unchanged entries (for changes); a read-only caller passes false and the
    /// bytes are freed once parsed.
    public static func decode(bytes: [UInt8], path: String, keepingSource: Bool = true) throws(SubscriberError) -> SubscriberList {
        var reader = JSON.Reader(bytes: bytes)
        var list = SubscriberList()
        list.subscribers.reserveCapacity(bytes.count / 200)
        var ranges: [Range<Int>] = []
        if keepingSource { ranges.reserveCapacity(bytes.count / 200) }
        var version: Double?
        var sawSubscribers = false
        var problem: FieldProblem?
        do {
            try reader.streamObject { (key, reader) throws(JSON.SyntaxError) in
                switch key {
                case "version":
                    if case .number(let number) = try reader.value(depth: 1) { version = number }
                case "subscribers":
                    sawSubscribers = true
                    try reader.streamArray { (reader) throws(JSON.SyntaxError) in
                        let position = list.subscribers.count
                        let start = reader.index
                        let (entry, trouble) = try subscriber(from: &reader)
                        if keepingSource { ranges.append(start..<reader.index) }
                        if let trouble, problem == nil {
                            problem = FieldProblem(field: "subscribers[\(position)]\(trouble.field.isEmpty ? "" : ".")\(trouble.field)",
                                                   reason: trouble.reason)
                        }
                        if let entry { list.subscribers.append(entry) }
                    }
                default:
                    list.unknownFields[key] = try reader.value(depth: 1)
                }
            }
            try reader.finish()
        } catch {
            throw .malformedFile(path: path, line: error.line, column: error.column, reason: error.reason)
        }
        guard let version else {
            throw .malformedFile(path: path, line: nil, column: nil, reason: "\"version\" is missing or not a number")
        }
        guard Int(version) <= Self.version else { throw .unsupportedVersion(path: path, version: Int(version)) }
        guard sawSubscribers else {
            throw .malformedFile(path: path, line: nil, column: nil, reason: "\"subscribers\" is missing or not an array")
        }
        if let problem { throw .malformedFile(path: path, line: nil, column: nil, reason: "\(problem.field): \(problem.reason)") }
        if keepingSource { list.source = (bytes, list.subscribers, ranges) }
        return list
    }

    struct FieldProblem: Error {
        let field: String
        let reason: String
    }

    static let knownKeys: Set<String> = Set(Key.allCases.filter { $0 != .unknown }.map(\.rawValue))

    /// The fields of an entry Gazette reads itself.
    enum Key: String, CaseIterable {
        case id, email, name, status, format, sections, created, updated, pausedUntil, attributes, unknown
    }

    /// Which known key raw key bytes spell (without building a string).
    static func knownKey(_ raw: ArraySlice<UInt8>) -> Key {
        for key in Key.allCases where key != .unknown && key.rawValue.utf8.count == raw.count {
            if key.rawValue.utf8.elementsEqual(raw) { return key }
        }
        return .unknown
    }

    /// One entry, read field by field; a schema problem is returned (the JSON is still consumed).
    private static func subscriber(from reader: inout JSON.Reader) throws(JSON.SyntaxError) -> (Subscriber?, FieldProblem?) {
        var id: String?, email: String?, name: String?, status = Subscriber.Status.active, format = Subscriber.Format.html
        var sections: [String] = [], created: Date?, updated: Date?, pausedUntil: Date?, attributes: [String: JSONValue] = [:]
        var unknown: [String: JSONValue] = [:]
        var problem: FieldProblem?
        func note(_ field: String, _ reason: String) { if problem == nil { problem = FieldProblem(field: field, reason: reason) } }
        guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "{") else {
            _ = try reader.value(depth: 2)
            return (nil, FieldProblem(field: "", reason: "not an object"))
        }
        try reader.streamObjectRawKeys { (rawKey, reader) throws(JSON.SyntaxError) in
            let key = Self.knownKey(rawKey)
            switch key {
            case .status, .format, .created, .updated, .pausedUntil:
                // Plain ASCII values: read from the bytes, no string built.
                if let raw = reader.plainStringBytes() {
                    switch key {
                    case .status:
                        guard let parsed = Subscriber.Status.allCases.first(where: { $0.rawValue.utf8.elementsEqual(raw) }) else {
                            return note(key.rawValue, "'\(String(decoding: raw, as: UTF8.self))' is not one of active, pending, unsubscribed, bounced")
                        }
                        status = parsed
                    case .format:
                        guard let parsed = Subscriber.Format.allCases.first(where: { $0.rawValue.utf8.elementsEqual(raw) }) else {
                            return note(key.rawValue, "'\(String(decoding: raw, as: UTF8.self))' is not html or text")
                        }
                        format = parsed
                    default:
                        guard let date = Timestamp.parseExactRFC3339(bytes: raw) ?? Timestamp.parse(String(decoding: raw, as: UTF8.self)) else {
                            return note(key.rawValue, "'\(String(decoding: raw, as: UTF8.self))' is not a date")
                        }
                        if key == .created { created = date } else if key == .updated { updated = date } else { pausedUntil = date }
                    }
                    return
                }
                fallthrough
            case .id, .email, .name:
                guard let text = try reader.stringIfPresent() else {
                    let value = try reader.value(depth: 3)
                    if key == .name, value == .null { return }
                    return note(key.rawValue, "must be a string")
                }
                switch key {
                case .id: id = text
                case .email: email = text
                case .name: name = text
                case .status:
                    guard let parsed = Subscriber.Status(rawValue: text) else {
                        return note(key.rawValue, "'\(text)' is not one of active, pending, unsubscribed, bounced")
                    }
                    status = parsed
                case .format:
                    guard let parsed = Subscriber.Format(rawValue: text) else { return note(key.rawValue, "'\(text)' is not html or text") }
                    format = parsed
                default:
                    guard let date = Timestamp.parse(text) else { return note(key.rawValue, "'\(text)' is not a date") }
                    if key == .created { created = date } else if key == .updated { updated = date } else { pausedUntil = date }
                }
            case .sections:
                guard reader.index < reader.bytes.count, reader.bytes[reader.index] == UInt8(ascii: "[") else {
                    _ = try reader.value(depth: 3)
                    return note(key.rawValue, "must be a list of strings")
                }
                try reader.streamArray { (reader) throws(JSON.SyntaxError) in
                    if let section = try reader.stringIfPresent() {
                        sections.append(section)
                    } else {
                        _ = try reader.value(depth: 4)
                        note(key.rawValue, "must be a list of strings")
                    }
                }
            case .attributes:
                guard case .object(let values) = try reader.value(depth: 3) else { return note(key.rawValue, "must be an object") }
                attributes = values
            case .unknown:
                unknown[try reader.decodeKey(rawKey)] = try reader.value(depth: 3)
            }
        }
        if problem == nil, email?.isEmpty ?? true { note("email", "missing") }
        if problem == nil, id?.isEmpty ?? true { note("id", "missing") }
        if let problem { return (nil, problem) }
        let made = created ?? Date(timeIntervalSince1970: 0)
        return (Subscriber(id: id!, email: email!, name: name, status: status, format: format, sections: sections, created: made,
                           updated: updated ?? made, pausedUntil: pausedUntil, attributes: attributes, unknownFields: unknown), nil)
    }

    // MARK: Writing

    /// Pretty-printed JSON with sorted keys, for people who open the file in an editor.
    /// Written directly, field by field: no dictionary per entry.
    public func encode() -> Data { Data(encodedBytes()) }

    /// The file's bytes, built in one buffer.
    public func encodedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320 * subscribers.count + 256)
        out.append(UInt8(ascii: "{"))
        var top = unknownFields.keys.map { ($0, false) } + [("subscribers", true), ("version", true)]
        top.sort { $0.0 < $1.0 }
        for (position, (key, known)) in top.enumerated() {
            JSON.writeKey(key, indent: 2, to: &out)
            if !known {
                JSON.write(unknownFields[key]!, style: .file, indent: 2, to: &out)
            } else if key == "version" {
                out += Array(String(Self.version).utf8)
            } else if subscribers.isEmpty {
                out += [UInt8(ascii: "["), UInt8(ascii: "]")]
            } else {
                out.append(UInt8(ascii: "["))
                for (index, subscriber) in subscribers.enumerated() {
                    JSON.newline(4, &out)
                    if let source, index < source.originals.count, source.originals[index] == subscriber {
                        out.append(contentsOf: source.bytes[source.ranges[index]])
                    } else {
                        subscriber.writeJSON(indent: 4, to: &out)
                    }
                    if index < subscribers.count - 1 { out.append(UInt8(ascii: ",")) }
                }
                JSON.newline(2, &out)
                out.append(UInt8(ascii: "]"))
            }
            if position < top.count - 1 { out.append(UInt8(ascii: ",")) }
        }
        JSON.newline(0, &out)
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        return out
    }
}

extension Subscriber {
    /// Sorted key lists for the combinations of name, attributes and a pause being present.
    private static let keyOrders: [[String]] = (0..<8).map { variant in
        var keys = ["created", "email", "format", "id", "sections", "status", "updated"]
        if variant & 1 != 0 { keys.append("name") }
        if variant & 2 != 0 { keys.append("attributes") }
        if variant & 4 != 0 { keys.append("pausedUntil") }
        return keys.sorted()
    }

    /// The entry as the file holds it, keys sorted, unknown fields merged in.
    func writeJSON(indent: Int, to out: inout [UInt8]) {
        var keys = Self.keyOrders[(name != nil ? 1 : 0) + (attributes.isEmpty ? 0 : 2) + (pausedUntil == nil ? 0 : 4)]
        if !unknownFields.isEmpty {
            keys += unknownFields.keys.filter { !SubscriberList.knownKeys.contains($0) }
            keys.sort()
        }
        out.append(UInt8(ascii: "{"))
        for (position, key) in keys.enumerated() {
            JSON.writeKey(key, indent: indent + 2, to: &out)
            switch key {
            case "id": JSON.appendQuoted(id, to: &out)
            case "email": JSON.appendQuoted(email, to: &out)
            case "name": JSON.appendQuoted(name ?? "", to: &out)
            case "status": JSON.appendQuoted(status.rawValue, to: &out)
            case "format": JSON.appendQuoted(format.rawValue, to: &out)
            case "created", "updated", "pausedUntil":
                out.append(UInt8(ascii: "\""))
                Timestamp.appendRFC3339(key == "created" ? created : key == "updated" ? updated : pausedUntil ?? updated, to: &out)
                out.append(UInt8(ascii: "\""))
            case "sections": JSON.write(.array(sections.map(JSONValue.string)), style: .file, indent: indent + 2, to: &out)
            case "attributes": JSON.write(.object(attributes), style: .file, indent: indent + 2, to: &out)
            default: JSON.write(unknownFields[key]!, style: .file, indent: indent + 2, to: &out)
            }
            if position < keys.count - 1 { out.append(UInt8(ascii: ",")) }
        }
        JSON.newline(indent, &out)
        out.append(UInt8(ascii: "}"))
    }
}
