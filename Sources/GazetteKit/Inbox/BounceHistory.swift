import Foundation

/// What the bounce log says, for `subscribers show` and `status`.
public enum BounceHistory {
    /// One subscriber's events, oldest first.
    public static func events(for subscriberID: String, stateDirectory: String) -> [BounceEvent] {
        BounceLog(stateDirectory: stateDirectory).events().filter { $0.subscriber == subscriberID }
    }

    /// The events about messages of one edition (by its journal's name).
    static func events(forEdition edition: String, stateDirectory: String) -> [BounceEvent] {
        let name = DeliveryJournal.fileName(edition)
        return BounceLog(stateDirectory: stateDirectory).events().filter { $0.edition == name }
    }

    /// A subscriber's entry with its bounce history under `bounces`, as `subscribers show` prints it.
    public static func json(_ subscriber: Subscriber, events: [BounceEvent]) -> String {
        var list = SubscriberList(subscribers: [subscriber])
        if !events.isEmpty, let value = try? JSONValue(encoding: events) { list.unknownFields["bounces"] = value }
        return String(decoding: list.encode(), as: UTF8.self)
    }
}
