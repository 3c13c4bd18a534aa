/// One thing wrong with an input file, with where it is.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Line in `file`, from 1; nil when the problem is about the whole file.
    public var line: Int?
    /// Column in the line, from 1; nil when only the line (or nothing) is known.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, leaving out what is not known.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "\(file):\(line):\(column): \(message)"
        case let (line?, nil): return "\(file):\(line): \(message)"
        default: return "\(file): \(message)"
        }
    }
}

/// A config that cannot be used: every problem found, each with its location.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(_ problems: [ConfigProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
