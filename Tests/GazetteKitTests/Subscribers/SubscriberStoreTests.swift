import Foundation
import Testing
@testable import GazetteKit

@Suite struct SubscriberStoreTests {
    func store() throws -> SubscriberStore {
        SubscriberStore(url: try TestPaths.temporaryDirectory().appendingPathComponent("subscribers.json"))
    }

    @Test func writesAtomicallyAndKeepsThePreviousVersion() throws {
        let store = try store()
        try store.modify { $0.subscribers.append(Subscriber(email: "one@example.org")) }
        let first = try Data(contentsOf: store.url)
        try store.modify { $0.subscribers.append(Subscriber(email: "two@example.org")) }
        #expect(try Data(contentsOf: store.backupURL) == first)
        #expect(try store.read().subscribers.map(\.email) == ["one@example.org", "two@example.org"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.url.deletingLastPathComponent().path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func anUnchangedListIsNotRewritten() throws {
        let store = try store()
        try store.modify { $0.subscribers.append(Subscriber(email: "one@example.org")) }
        let before = try FileManager.default.attributesOfItem(atPath: store.url.path)[.systemFileNumber] as? Int
        try store.modify { _ in }
        let after = try FileManager.default.attributesOfItem(atPath: store.url.path)[.systemFileNumber] as? Int
        #expect(before == after)
    }

    @Test func aMalformedFileIsLeftByteForByte() throws {
        let store = try store()
        let broken = Data("{\"version\": 1, \"subscribers\": [ {\"email\": \"a@b.org\"".utf8)
        try broken.write(to: store.url)
        #expect(throws: SubscriberError.self) { try store.modify { $0.subscribers.removeAll() } }
        #expect(try Data(contentsOf: store.url) == broken)
        #expect(!FileManager.default.fileExists(atPath: store.backupURL.path))
    }

    @Test func aFailedChangeWritesNothing() throws {
        let store = try store()
        try store.modify { $0.subscribers.append(Subscriber(email: "one@example.org")) }
        let before = try Data(contentsOf: store.url)
        #expect(throws: SubscriberError.notFound("x@y.org")) {
            try store.modify { (list) throws(SubscriberError) in
                list.subscribers.removeAll()
                throw .notFound("x@y.org")
            }
        }
        #expect(try Data(contentsOf: store.url) == before)
    }
}
