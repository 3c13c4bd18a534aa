import Foundation
import Testing
@testable import GazetteKit

@Suite struct SubscriberImportTests {
    static let csv = "\u{FEFF}email,name,format,sections,city\r\n"
        + "new@one.org,\"One, Person\",text,World;Science,Oslo\r\n"
        + "bad address,X,,,\r\n"
        + "\"multi@line.org\",\"Two\nLines\",,,\r\n"
        + "gone@example.org,Gone,,,\r\n"
        + "new2@two.org,,weird,,\r\n"
        + "Jo@Example.org,Jo Smith,,,\r\n"

    func existing() -> SubscriberList {
        SubscriberList(subscribers: [
            Subscriber(id: "1", email: "jo@example.org", name: "Jo", created: Date(timeIntervalSince1970: 0)),
            Subscriber(id: "2", email: "gone@example.org", status: .unsubscribed, created: Date(timeIntervalSince1970: 0)),
        ])
    }

    @Test func csvWithABOMQuotedCommasLineBreaksAndInvalidRows() throws {
        let rows = try SubscriberImport.rows(from: Data(Self.csv.utf8), path: "in.csv")
        #expect(rows.map(\.line) == [2, 3, 4, 6, 7, 8])
        #expect(rows[0].name == "One, Person")
        #expect(rows[0].sections == ["World", "Science"])
        #expect(rows[0].attributes == ["city": .string("Oslo")])
        #expect(rows[2].name == "Two\nLines")

        var list = existing()
        let report = SubscriberImport.apply(rows, to: &list, resubscribe: false)
        #expect(report.added == ["new@one.org", "multi@line.org"])
        #expect(report.updated == ["Jo@example.org"])
        #expect(report.refused.map(\.line) == [6])
        #expect(report.refused.map(\.email) == ["gone@example.org"])
        #expect(report.invalid.map(\.line) == [3, 7])
        #expect(list.subscribers.first { $0.email == "gone@example.org" }?.status == .unsubscribed)
        #expect(list.subscribers.first { $0.id == "1" }?.name == "Jo Smith")
    }

    @Test func suppressionSurvivesUnlessResubscribeIsAsked() throws {
        let rows = try SubscriberImport.rows(from: Data("email\ngone@example.org\n".utf8), path: "in.csv")
        var list = existing()
        _ = SubscriberImport.apply(rows, to: &list, resubscribe: false)
        #expect(list.subscribers[1].status == .unsubscribed)
        let report = SubscriberImport.apply(rows, to: &list, resubscribe: true)
        #expect(report.updated == ["gone@example.org"])
        #expect(list.subscribers[1].status == .active)
    }

    @Test func jsonInEitherShape() throws {
        let array = try SubscriberImport.rows(from: Data("[{\"email\": \"a@b.org\", \"sections\": \"X;Y\"}]".utf8), path: "in.json")
        #expect(array.first?.sections == ["X", "Y"])
        let file = try SubscriberImport.rows(from: Data("{\"version\": 1, \"subscribers\": [{\"email\": \"c@d.org\", \"format\": \"text\"}]}".utf8),
                                             path: "in.json")
        #expect(file.first?.format == "text")
    }

    @Test func aCSVWithoutAnEmailColumnIsRefused() {
        #expect(throws: SubscriberError.self) { _ = try SubscriberImport.rows(from: Data("name\nJo\n".utf8), path: "in.csv") }
    }

    @Test func exportQuotesWhatNeedsQuoting() {
        let csv = SubscriberExport.csv([Subscriber(id: "9", email: "a@b.org", name: "Smith, \"Jo\"", sections: ["A", "B"],
                                                   created: Date(timeIntervalSince1970: 0))])
        #expect(csv == "id,email,name,status,format,sections,created,updated\n"
                + "9,a@b.org,\"Smith, \"\"Jo\"\"\",active,html,A;B,1970-01-01T00:00:00Z,1970-01-01T00:00:00Z\n")
    }
}
