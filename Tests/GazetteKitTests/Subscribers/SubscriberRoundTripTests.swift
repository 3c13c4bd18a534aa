import Foundation
import Testing
@testable import GazetteKit

/// CSV that a spreadsheet cannot run, and export → import that reproduces the list.
@Suite struct SubscriberRoundTripTests {
    static let dangerous = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tTab", "'quoted", "'=already", "''", "'"]

    func list() -> SubscriberList {
        let created = Date(timeIntervalSince1970: 1_790_000_000)
        var subscribers = Self.dangerous.enumerated().map { index, text in
            Subscriber(id: "id\(index)", email: "r\(index)@example.org", name: text, sections: [text.contains("|") ? "Misc" : text, "World"],
                       created: created, updated: created.addingTimeInterval(Double(index)), attributes: ["note": .string(text)])
        }
        subscribers.append(Subscriber(id: "gone1", email: "gone@example.org", name: "Gone", status: .unsubscribed, format: .text,
                                      created: created, attributes: ["city": .string("Oslo"), "score": .number(3)]))
        subscribers.append(Subscriber(id: "dead1", email: "dead@example.org", status: .bounced, created: created))
        subscribers.append(Subscriber(id: "wait1", email: "wait@example.org", status: .pending, created: created))
        return SubscriberList(subscribers: subscribers)
    }

    @Test func noExportedCellStartsAsAFormula() {
        let csv = SubscriberExport.csv(list().subscribers)
        for record in CSV.parse(csv) {
            for field in record.fields {
                guard let first = field.first else { continue }
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(field)")
            }
        }
        #expect(csv.contains("'=HYPERLINK"))
    }

    @Test func csvExportImportedIntoAnEmptyFileGivesTheSameList() throws {
        let original = list()
        let rows = try SubscriberImport.rows(from: Data(SubscriberExport.csv(original.subscribers).utf8), path: "export.csv")
        var copy = SubscriberList()
        let report = SubscriberImport.apply(rows, to: &copy, resubscribe: false, now: Date())
        #expect(report.invalid.isEmpty && report.refused.isEmpty)
        #expect(copy.subscribers.count == original.subscribers.count)
        for (a, b) in zip(original.subscribers, copy.subscribers) {
            #expect(a.id == b.id && a.email == b.email && a.status == b.status && a.format == b.format)
            #expect(a.created == b.created && a.updated == b.updated)
            #expect(b.sections == a.sections.compactMap(Subscriber.normalizedName))
            // Names are stored normalised; these have no control characters but the tab one.
            #expect(b.name == a.name.flatMap(Subscriber.normalizedName))
            // CSV is text: a number attribute comes back as its digits.
            for (key, value) in a.attributes {
                if case .string = value { #expect(b.attributes[key] == value) } else { #expect(b.attributes[key] == .string("3")) }
            }
        }
    }

    @Test func jsonExportImportedIntoAnEmptyFileGivesTheSameList() throws {
        let original = list()
        let rows = try SubscriberImport.rows(from: Data(SubscriberExport.json(original.subscribers).utf8), path: "export.json")
        var copy = SubscriberList()
        _ = SubscriberImport.apply(rows, to: &copy, resubscribe: false)
        #expect(copy.subscribers.map(\.status) == original.subscribers.map(\.status))
        #expect(copy.subscribers.map(\.id) == original.subscribers.map(\.id))
        #expect(copy.subscribers.last { $0.id == "gone1" }?.attributes == ["city": .string("Oslo"), "score": .number(3)])
    }

    @Test func importingASuppressionListSuppressesButNeverUnsuppresses() throws {
        var list = SubscriberList(subscribers: [Subscriber(id: "a1", email: "a@example.org", created: Date(timeIntervalSince1970: 0)),
                                                Subscriber(id: "b1", email: "b@example.org", status: .unsubscribed, created: Date(timeIntervalSince1970: 0))])
        let rows = try SubscriberImport.rows(from: Data("email,status\na@example.org,unsubscribed\nb@example.org,active\n".utf8), path: "in.csv")
        let report = SubscriberImport.apply(rows, to: &list, resubscribe: false)
        #expect(list.subscribers.map(\.status) == [.unsubscribed, .unsubscribed])
        #expect(report.refused.map(\.email) == ["b@example.org"])
    }

    @Test func anIdAlreadyTakenOrMalformedIsRefused() throws {
        var list = SubscriberList(subscribers: [Subscriber(id: "a1", email: "a@example.org", created: Date(timeIntervalSince1970: 0))])
        let rows = try SubscriberImport.rows(from: Data("id,email\na1,new@example.org\nbad id,other@example.org\n".utf8), path: "in.csv")
        let report = SubscriberImport.apply(rows, to: &list, resubscribe: false)
        #expect(report.invalid.map(\.line) == [2, 3])
        #expect(list.subscribers.count == 1)
    }

    @Test(arguments: [("Jo\r\nBcc: x@evil.example", "Jo Bcc: x@evil.example"), ("  Ann\u{0}\u{7}  Lee\u{2028} ", "Ann Lee"), ("\n\t", nil)])
    func namesWithLineBreaksAndControlsAreNormalisedOnTheWayIn(raw: String, stored: String?) throws {
        var list = SubscriberList()
        let rows = [SubscriberImport.Row(line: 2, email: "n@example.org", name: raw)]
        _ = SubscriberImport.apply(rows, to: &list, resubscribe: false)
        #expect(list.subscribers.first?.name == stored)
    }
}
