import Foundation
import Testing
@testable import GazetteKit

@Suite struct SubscriberFileTests {
    static let file = """
    {
      "version": 1,
      "owner": {"list": "harbour"},
      "subscribers": [
        {"id": "0000000000000001", "email": "jo@example.org", "name": "Jo", "status": "active", "format": "text",
         "sections": ["World"], "created": "2026-01-01T06:00:00Z", "updated": "2026-02-01T06:00:00Z",
         "attributes": {"city": "Oslo", "vip": true, "visits": 3}, "crm_id": 42, "notes": ["a", null]},
        {"id": "0000000000000002", "email": "gone@example.org", "status": "unsubscribed", "format": "html",
         "sections": [], "created": "2026-01-01T06:00:00Z", "updated": "2026-01-03T06:00:00Z"}
      ]
    }
    """

    @Test func readsEveryDocumentedField() throws {
        let list = try SubscriberList.decode(Data(Self.file.utf8), path: "s.json")
        let jo = list.subscribers[0]
        #expect(jo.id == "0000000000000001")
        #expect(jo.email == "jo@example.org")
        #expect(jo.name == "Jo")
        #expect(jo.status == .active)
        #expect(jo.format == .text)
        #expect(jo.sections == ["World"])
        #expect(Timestamp.rfc3339(jo.created) == "2026-01-01T06:00:00Z")
        #expect(Timestamp.rfc3339(jo.updated) == "2026-02-01T06:00:00Z")
        #expect(jo.attributes == ["city": .string("Oslo"), "vip": .bool(true), "visits": .number(3)])
        #expect(list.subscribers[1].status == .unsubscribed)
    }

    @Test func unknownFieldsSurviveARewrite() throws {
        var list = try SubscriberList.decode(Data(Self.file.utf8), path: "s.json")
        list.subscribers[0].name = "Jo Smith"  // force that entry to be re-encoded
        let again = try SubscriberList.decode(list.encode(), path: "s.json")
        #expect(again.unknownFields == ["owner": .object(["list": .string("harbour")])])
        #expect(again.subscribers[0].unknownFields == ["crm_id": .number(42), "notes": .array([.string("a"), .null])])
        #expect(again.subscribers[0].name == "Jo Smith")
        #expect(again.subscribers[1] == list.subscribers[1])
    }

    @Test func encodingIsStableAndReadable() throws {
        let list = try SubscriberList.decode(Data(Self.file.utf8), path: "s.json")
        let text = String(decoding: list.encode(), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"owner\": {\n    \"list\": \"harbour\"\n  },\n  \"subscribers\": [\n    {"))
        #expect(text.hasSuffix("  \"version\": 1\n}\n"))
        let reencoded = try SubscriberList.decode(Data(text.utf8), path: "s.json").encode()
        #expect(reencoded == Data(text.utf8))
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let broken = "{\n  \"version\": 1,\n  \"subscribers\": [\n    {\"email\": \"a@b.org\",, }\n  ]\n}\n"
        #expect(throws: SubscriberError.malformedFile(path: "s.json", line: 4, column: 25, reason: "expected a \"key\"")) {
            _ = try SubscriberList.decode(Data(broken.utf8), path: "s.json")
        }
    }

    @Test func schemaProblemsNameTheField() {
        let wrong = "{\"version\": 1, \"subscribers\": [{\"id\": \"1\", \"email\": \"a@b.org\", \"status\": \"gone\"}]}"
        #expect(throws: SubscriberError.malformedFile(path: "s.json", line: nil, column: nil,
                                                      reason: "subscribers[0].status: 'gone' is not one of active, pending, unsubscribed, bounced")) {
            _ = try SubscriberList.decode(Data(wrong.utf8), path: "s.json")
        }
        #expect(throws: SubscriberError.unsupportedVersion(path: "s.json", version: 2)) {
            _ = try SubscriberList.decode(Data("{\"version\": 2, \"subscribers\": []}".utf8), path: "s.json")
        }
    }

    @Test func escapesAndUnicodeRoundTrip() throws {
        let tricky = "Zoë \"Z\" \\ ✓ \u{1F600}\nline"
        var list = SubscriberList(subscribers: [Subscriber(email: "z@example.org", name: tricky)])
        list.unknownFields["x"] = .string("\u{1}")
        let decoded = try SubscriberList.decode(list.encode(), path: "s.json")
        #expect(decoded.subscribers[0].name == tricky)
        #expect(decoded.unknownFields["x"] == .string("\u{1}"))
    }
}

@Suite struct JSONCodecTests {
    @Test func escapedKeysAndValuesAreDecoded() throws {
        let value = try JSON.parse(Data(#"{"a\"b": "x\u00e9\ud83d\ude00\n", "n": [1, -2.5e3, true, null]}"#.utf8))
        #expect(value == .object(["a\"b": .string("xé😀\n"), "n": .array([.number(1), .number(-2500), .bool(true), .null])]))
    }

    @Test func anEscapedUnknownKeySurvivesTheSubscriberFile() throws {
        let file = #"{"version": 1, "subscribers": [{"id": "1", "email": "a@b.org", "x\"y": 1}]}"#
        let list = try SubscriberList.decode(Data(file.utf8), path: "s.json")
        #expect(list.subscribers[0].unknownFields == ["x\"y": .number(1)])
    }
}
