import Foundation
import Testing
@testable import GazetteKit

@Suite struct BouncePolicyTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static func soft(_ message: String, sentDay: Double, receivedDay: Double) -> BounceEvent {
        BounceEvent(time: start.addingTimeInterval(receivedDay * day), source: "inbox", message: "bounce-\(message)", subscriber: "s",
                    email: "a@example.org", kind: .soft, reason: "mailboxfull", status: "5.2.2", action: .counted,
                    bounced: message, sent: start.addingTimeInterval(sentDay * day))
    }

    static func sent(_ message: String, day sentDay: Double, delivered: Bool = true) -> DeliveryHistory.Sent {
        .init(message: message, edition: "e", subscriber: "s", time: start.addingTimeInterval(sentDay * day), delivered: delivered)
    }

    @Test func countsDistinctMessagesInTheWindowSinceTheLastGoodDelivery() {
        let policy = BouncePolicy(softLimit: 5, softDays: 30)
        let events = (0..<4).map { Self.soft("m\($0)", sentDay: Double($0), receivedDay: Double($0)) }
        let deliveries = (0..<4).map { Self.sent("m\($0)", day: Double($0)) }
        let now = Self.start.addingTimeInterval(4 * Self.day)
        #expect(policy.softCount(events: events, deliveries: deliveries, now: now) == 4)
        // The same bounce read twice counts once.
        #expect(policy.softCount(events: events + [events[3]], deliveries: deliveries, now: now) == 4)
        // A message between them that was taken and never bounced starts the count again.
        #expect(policy.softCount(events: events, deliveries: deliveries + [Self.sent("ok", day: 2.5)], now: now) == 1)
        // A message sent after the newest bounced one is no evidence yet.
        #expect(policy.softCount(events: events, deliveries: deliveries + [Self.sent("new", day: 3.5)], now: now) == 4)
        // A message the relay refused is not a success.
        #expect(policy.softCount(events: events, deliveries: deliveries + [Self.sent("no", day: 2.5, delivered: false)], now: now) == 4)
        // Bounces older than the window are forgotten.
        #expect(policy.softCount(events: events, deliveries: deliveries, now: Self.start.addingTimeInterval(31.5 * Self.day)) == 2)
    }

    @Test func aLateBounceTurnsAnEarlierSuccessIntoAFailure() {
        let policy = BouncePolicy(softLimit: 3, softDays: 30)
        let deliveries = [Self.sent("m1", day: 1), Self.sent("m2", day: 2), Self.sent("m3", day: 3)]
        let now = Self.start.addingTimeInterval(4 * Self.day)
        let early = [Self.soft("m1", sentDay: 1, receivedDay: 1), Self.soft("m3", sentDay: 3, receivedDay: 3)]
        #expect(policy.softCount(events: early, deliveries: deliveries, now: now) == 1)
        let late = early + [Self.soft("m2", sentDay: 2, receivedDay: 3.9)]
        #expect(policy.softCount(events: late, deliveries: deliveries, now: now) == 3)
    }

    @Test func aReturnPathNamesItsSubscriber() {
        let path = ReturnPath("bounces+{id}@news.example.org")
        #expect(path.isVariable && path.address(for: "8e03a602a357a6e4") == "bounces+8e03a602a357a6e4@news.example.org")
        #expect(path.subscriberID(in: "Bounces+8E03A602A357A6E4@News.Example.org") == "8e03a602a357a6e4")
        #expect(path.subscriberID(in: "bounces+@news.example.org") == nil)
        #expect(path.subscriberID(in: "bounces+x@other.example.org") == nil)
        #expect(path.subscriberID(in: "bounces+a b@news.example.org") == nil)
        #expect(ReturnPath("bounces@news.example.org").subscriberID(in: "bounces@news.example.org") == nil)
        #expect(DeliveryHistory.subscriberID(inMessageID: "<gazette.0123456789abcdef.sub-7@test.example.org>") == "sub-7")
        #expect(DeliveryHistory.subscriberID(inMessageID: "<other.0123456789abcdef.sub@x>") == nil)
    }
}
