import Foundation

/// What the delivery journals say about some subscribers: each message handed to them, when,
/// in which edition, and whether the relay took it. Read once per batch, for the subscribers the
/// batch concerns, from journals no older than the soft-bounce window.
struct DeliveryHistory: Sendable {
    /// One message to one subscriber.
    struct Sent: Sendable, Equatable {
        var message: String
        var edition: String
        var subscriber: String
        var time: Date
        var delivered: Bool
    }

    private(set) var bySubscriber: [String: [Sent]] = [:]
    private(set) var byMessage: [String: Sent] = [:]

    /// - Parameters:
    ///   - subscribers: ids to collect; messages are indexed for these only.
    ///   - since: journals last written before this are not read.
    init(stateDirectory: String, subscribers: Set<String>, since: Date) {
        guard !subscribers.isEmpty else { return }
        for journal in DeliveryJournal.editions(in: stateDirectory) {
            let modified = (try? FileManager.default.attributesOfItem(atPath: journal.path)[.modificationDate] as? Date) ?? .distantFuture
            guard modified >= since else { continue }
            journal.forEachEntry { entry in
                guard entry.event == "result", let id = entry.subscriber, subscribers.contains(id), let message = entry.message else { return }
                let sent = Sent(message: message, edition: journal.edition, subscriber: id, time: entry.time, delivered: entry.outcome == "delivered")
                bySubscriber[id, default: []].append(sent)
                byMessage[message] = sent
            }
        }
    }

    /// The subscriber id in one of our Message-IDs (`gazette.<edition hash>.<id>@domain`).
    static func subscriberID(inMessageID raw: String) -> String? {
        let id = raw.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
        guard id.hasPrefix("gazette."), let at = id.lastIndex(of: "@") else { return nil }
        let parts = id[..<at].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 16, !parts[2].isEmpty else { return nil }
        return String(parts[2])
    }
}
