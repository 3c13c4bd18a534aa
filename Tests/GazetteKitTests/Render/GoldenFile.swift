import Foundation
import Testing

/// Compares output with a checked-in file; `GAZETTE_UPDATE_GOLDEN=1` rewrites the file instead
/// (never done automatically).
enum GoldenFile {
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = TestPaths.fixture("render/\(name)")
        if ProcessInfo.processInfo.environment["GAZETTE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(actualLines, expectedLines)).firstIndex { $0.0 != $0.1 } ?? min(actualLines.count, expectedLines.count)
            Issue.record("\(name) differs from the golden file at line \(line + 1) (refresh with GAZETTE_UPDATE_GOLDEN=1 after checking the change)",
                         sourceLocation: sourceLocation)
        }
    }
}
