import Foundation

/// When a subscriber stops getting editions because of bounces: a hard bounce at once; soft
/// bounces once `softLimit` of them, for different messages, arrived within `softDays` with no
/// successful delivery between them. A delivery counts as successful when the relay took it and
/// no bounce for it has arrived, and only if it was sent before the newest bounced message (a
/// message sent since has not had time to bounce). Counts are worked out afresh from the bounce
/// log and the journals each time, so a bounce that arrives late corrects an earlier count.
public struct BouncePolicy: Sendable {
    public var softLimit: Int
    public var softDays: Double

    public init(softLimit: Int = 5, softDays: Double = 30) {
        self.softLimit = softLimit
        self.softDays = softDays
    }

    init(_ config: Config.InboxConfig) {
        self.init(softLimit: config.softBounceLimit, softDays: config.softBounceDays)
    }

    /// The soft bounces that count now, from one subscriber's events and deliveries.
    func softCount(events: [BounceEvent], deliveries: [DeliveryHistory.Sent], now: Date) -> Int {
        let windowStart = now.addingTimeInterval(-softDays * 86_400)
        var sent: [String: SendOrder] = [:]
        for event in events where event.kind == .soft && event.time >= windowStart {
            sent[event.bounced ?? event.message] = SendOrder(edition: event.edition, time: event.sent ?? event.time)
        }
        guard let newest = sent.values.max() else { return 0 }
        let bounced = Set(events.compactMap(\.bounced))
        let lastSuccess = deliveries.filter { $0.delivered && !bounced.contains($0.message) }
            .map { SendOrder(edition: $0.edition, time: $0.time) }.filter { $0 < newest }.max()
        return sent.values.filter { lastSuccess.map($0.isAfter) ?? true }.count
    }

    /// When a message went out: by edition (ids sort by date within a list), then by time.
    struct SendOrder: Comparable {
        var edition: String?
        var time: Date

        static func < (a: SendOrder, b: SendOrder) -> Bool {
            if let x = a.edition, let y = b.edition, x != y { return x < y }
            return a.time < b.time
        }

        func isAfter(_ other: SendOrder) -> Bool { other < self }
    }
}
