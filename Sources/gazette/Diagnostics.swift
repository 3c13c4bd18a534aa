import Foundation

/// Lines for people on standard error.
enum Diagnostics {
    static func error(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            FileHandle.standardError.write(Data("gazette: \(line)\n".utf8))
        }
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }

    /// Whether standard error is a terminal (progress lines) or not (log lines).
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
