import Foundation

/// One change a reader (through `gazette serve`) or a bounce (through `gazette inbox`) asks for:
/// what the change log records and later applies to the file. Applying a change twice gives the
/// same list as applying it once, so a log can be replayed after a crash.
public struct SubscriberChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A new address (pending until confirmed), or new wishes of a pending one.
        case subscribe
        /// A confirmed subscription: pending, unsubscribed or bounced becomes active.
        case confirm
        case unsubscribe
        /// Active again after an unsubscribe, by the reader's own link.
        case resubscribe
        /// Sections, format and pause.
        case preferences
        /// The address does not exist (a hard bounce, or the soft-bounce limit).
        case bounce
        /// The reader reported the digest as spam.
        case complaint
    }

    public var kind: Kind
    public var time: Date
    /// The subscriber changed (every kind but `subscribe`, where it is the id a new entry gets).
    public var id: String
    /// `subscribe` only: the address.
    public var email: String?
    public var name: String?
    public var format: MailFormat?
    public var sections: [String]?
    /// `preferences`: no editions until then; `.distantPast` clears a pause.
    public var pausedUntil: Date?

    public init(kind: Kind, time: Date = Date(), id: String, email: String? = nil, name: String? = nil,
                format: MailFormat? = nil, sections: [String]? = nil, pausedUntil: Date? = nil) {
        self.kind = kind
        self.time = time
        self.id = id
        self.email = email
        self.name = name
        self.format = format
        self.sections = sections
        self.pausedUntil = pausedUntil
    }

    /// Applies the change; a change for an id that is not on the list changes nothing.
    public func apply(to list: inout SubscriberList) {
        if kind == .subscribe {
            guard let email else { return }
            guard let index = list.index(of: email) else {
                list.subscribers.append(Subscriber(id: id, email: email, name: name, status: .pending, format: format ?? .html,
                                                   sections: sections ?? [], created: time))
                return
            }
            // A known address changes only while it waits for its confirmation: no enumeration,
            // and a suppressed one comes back only by confirming.
            var subscriber = list.subscribers[index]
            guard subscriber.status == .pending else { return }
            subscriber.name = name ?? subscriber.name
            subscriber.format = format ?? subscriber.format
            subscriber.sections = sections ?? subscriber.sections
            if subscriber != list.subscribers[index] {
                subscriber.updated = time
                list.subscribers[index] = subscriber
            }
            return
        }
        guard let index = list.subscribers.firstIndex(where: { $0.id == id }) else { return }
        var subscriber = list.subscribers[index]
        switch kind {
        case .subscribe: return
        case .confirm, .resubscribe: subscriber.status = .active
        case .unsubscribe, .complaint: subscriber.status = .unsubscribed
        case .bounce: if subscriber.status == .active || subscriber.status == .pending { subscriber.status = .bounced }
        case .preferences:
            if let format { subscriber.format = format }
            if let sections { subscriber.sections = sections }
            if let pausedUntil { subscriber.pausedUntil = pausedUntil == .distantPast ? nil : pausedUntil }
        }
        if subscriber != list.subscribers[index] {
            subscriber.updated = time
            list.subscribers[index] = subscriber
        }
    }

    // MARK: The log's line format

    /// One JSON line.
    var jsonLine: [UInt8] {
        var json = JSON.Writer()
        json.beginObject()
        json.string("kind", kind.rawValue)
        json.string("time", Timestamp.rfc3339(time))
        json.string("id", id)
        json.string("email", email)
        json.string("name", name)
        json.string("format", format?.rawValue)
        if let sections {
            json.beginArray("sections")
            for section in sections { json.string(nil, section) }
            json.endArray()
        }
        json.string("pausedUntil", pausedUntil.map { $0 == .distantPast ? "none" : Timestamp.rfc3339($0) })
        json.endObject()
        return json.bytes + [0x0A]
    }

    /// A change read back from its line; nil for a torn or foreign line.
    init?(line: ArraySlice<UInt8>) {
        guard case .object(let fields)? = try? JSON.parse(bytes: Array(line)),
              case .string(let kindText)? = fields["kind"], let kind = Kind(rawValue: kindText),
              case .string(let timeText)? = fields["time"], let time = Timestamp.parse(timeText),
              case .string(let id)? = fields["id"] else { return nil }
        func text(_ key: String) -> String? { if case .string(let value)? = fields[key] { return value } else { return nil } }
        var sections: [String]?
        if case .array(let values)? = fields["sections"] {
            sections = values.compactMap { if case .string(let value) = $0 { return value } else { return nil } }
        }
        let paused = text("pausedUntil").flatMap { $0 == "none" ? Date.distantPast : Timestamp.parse($0) }
        self.init(kind: kind, time: time, id: id, email: text("email"), name: text("name"),
                  format: text("format").flatMap(MailFormat.init(rawValue:)), sections: sections, pausedUntil: paused)
    }
}
