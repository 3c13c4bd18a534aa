import Foundation

/// A list of URLs in a text file: one per line, blank lines and `#` comments ignored.
public enum URLList {
    /// A URL list that cannot be read.
    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads the URLs in `path`, or in standard input when `path` is `-`.
    public static func read(from path: String) throws -> [String] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ReadError(path: path, reason: "cannot be read")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmed }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
