import Foundation
@testable import GazetteKit

enum FeedFixture {
    static func data(_ name: String) throws -> Data { try Data(contentsOf: TestPaths.fixture("feeds/\(name)")) }

    static func parse(_ name: String, url: String? = nil, httpCharset: String? = nil) throws -> Feed {
        try FeedParser().parse(data(name), url: url, httpCharset: httpCharset, source: name)
    }

    static func parse(text: String, url: String? = nil) throws -> Feed {
        try FeedParser().parse(Data(text.utf8), url: url, source: "inline")
    }
}

extension Optional where Wrapped == Date {
    var rfc3339: String? { map(Timestamp.rfc3339) }
}
