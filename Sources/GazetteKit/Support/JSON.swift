import Foundation

/// The one JSON codec: a fast reader and writer over UTF-8 bytes (the subscriber file can hold a
/// million entries, and Foundation's JSON on Linux needs seconds for 100,000), and `Codable`
/// values encoded and decoded through the same reader and writer (`JSON.encode`, `JSON.decode`).
/// Errors carry the line and column.
public enum JSON {
    struct SyntaxError: Error, CustomStringConvertible {
        var line: Int
        var column: Int
        var reason: String

        var description: String { "line \(line), column \(column): \(reason)" }
    }

    static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parse(bytes: [UInt8](data))
    }

    static func parse(bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the end of the JSON value") }
        return value
    }
}

