import Foundation

/// One person on the list. Unsubscribed and bounced entries stay as a suppression list.
public struct Subscriber: Sendable, Equatable {
    /// Only `active` subscribers get editions; `unsubscribed` and `bounced` form the suppression list.
    public enum Status: String, Sendable, CaseIterable {
        case active, pending, unsubscribed, bounced

        /// Statuses that keep an address from being added again without `--resubscribe`.
        public var isSuppressed: Bool { self == .unsubscribed || self == .bounced }
    }

    /// `html` (with a plain-text alternative) or `text`.
    public typealias Format = MailFormat

    /// Stable, random, never reused: the key of unsubscribe tokens and delivery journals.
    public var id: String
    public var email: String
    public var name: String?
    public var status: Status
    public var format: Format
    /// Sections wanted; empty means all.
    public var sections: [String]
    /// When the entry was added; the Unix epoch for a file entry without one.
    public var created: Date
    /// When the entry last changed; `created` until then.
    public var updated: Date
    /// No editions until this time (a pause chosen on the preferences page); the status stays active.
    public var pausedUntil: Date?
    /// Free-form data (`attributes` in the file).
    public var attributes: [String: JSONValue]
    /// Fields of the file's entry that Gazette does not know; written back unchanged.
    public var unknownFields: [String: JSONValue]

    public init(id: String = Subscriber.newID(), email: String, name: String? = nil, status: Status = .active,
                format: Format = .html, sections: [String] = [], created: Date = Date(), updated: Date? = nil,
                pausedUntil: Date? = nil, attributes: [String: JSONValue] = [:], unknownFields: [String: JSONValue] = [:]) {
        self.id = id
        self.email = email
        self.name = name
        self.status = status
        self.format = format
        self.sections = sections
        self.created = created
        self.updated = updated ?? created
        self.pausedUntil = pausedUntil
        self.attributes = attributes
        self.unknownFields = unknownFields
    }

    /// 16 random hex digits.
    public static func newID() -> String {
        (0..<2).map { _ in
            let value = String(UInt64.random(in: 0...UInt64(UInt32.max)), radix: 16)
            return String(repeating: "0", count: 8 - value.count) + value
        }.joined()
    }

    /// A name as people typed it, made safe to store and print: control characters and line
    /// breaks become spaces, runs of spaces one, ends trimmed; nil when nothing is left.
    public static func normalizedName(_ raw: String) -> String? {
        // Printable ASCII with single inner spaces (most names) is already normal: no scalar walk.
        var previous: UInt8 = 0x20
        let plain = raw.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte > 0x20 && byte < 0x7F || (byte == 0x20 && previous != 0x20)
        }
        if plain, previous != 0x20 { return raw }
        var spaced = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let category = scalar.properties.generalCategory
            let invisible = category == .control || category == .format && scalar.value != 0x200D
            spaced.append(invisible || scalar.properties.isWhitespace ? " " : scalar)
        }
        return String(spaced).collapsingWhitespace.nilIfEmpty
    }

    /// Ids Gazette accepts from an import: 1 to 64 ASCII letters, digits, `-` or `_`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 64 && id.utf8.allSatisfy { b in
            (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 45 || b == 95
        }
    }

    /// Whether an edition made at `time` goes to this subscriber: active and not paused then.
    public func receivesEditions(at time: Date) -> Bool {
        status == .active && (pausedUntil.map { $0 <= time } ?? true)
    }

    /// Whether this subscriber wants items from `section`.
    public func wants(section: String) -> Bool {
        sections.isEmpty || sections.contains { $0.caseInsensitiveCompare(section) == .orderedSame }
    }
}
