import Foundation
import Yams

/// Reads typed values out of a YAML mapping, collecting a located problem for every key that is
/// unknown, of the wrong type or out of range, instead of stopping at the first.
struct YAMLFields {
    let file: String
    let mapping: Node.Mapping
    let location: Mark?
    var problems: [ConfigProblem] = []
    private var used: Set<String> = []

    init?(_ node: Node?, file: String, problems: inout [ConfigProblem], what: String) {
        guard let node, node.null == nil else { return nil }
        guard case .mapping(let mapping) = node else {
            problems.append(ConfigProblem(file: file, line: node.mark?.line, column: node.mark?.column,
                                          message: "\(what) must be a mapping of keys to values"))
            return nil
        }
        self.file = file
        self.mapping = mapping
        self.location = node.mark
    }

    func node(_ key: String) -> Node? { mapping[key] }

    mutating func problem(_ node: Node?, _ message: String) {
        let mark = node?.mark ?? location
        problems.append(ConfigProblem(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    private mutating func scalar(_ key: String) -> (Node, String)? {
        used.insert(key)
        guard let node = mapping[key] else { return nil }
        if case .scalar(let scalar) = node {
            if node.null != nil, scalar.style == .plain { return nil }
            return (node, scalar.string)
        }
        problem(node, "\(key) must be a single value")
        return nil
    }

    mutating func string(_ key: String) -> String? {
        guard let (_, value) = scalar(key) else { return nil }
        return value
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) -> Int? {
        guard let (node, value) = scalar(key) else { return nil }
        guard let number = Int(value.replacingOccurrences(of: "_", with: "")), range.contains(number) else {
            problem(node, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
            return nil
        }
        return number
    }

    mutating func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let (node, value) = scalar(key) else { return nil }
        guard let number = Double(value), range.contains(number) else {
            problem(node, "\(key) must be a number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let (node, value) = scalar(key) else { return nil }
        switch value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problem(node, "\(key) must be true or false, not \"\(value)\"")
            return nil
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let (node, value) = scalar(key) else { return nil }
        guard let choice = T(rawValue: value.lowercased()) else {
            problem(node, "\(key) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(value)\"")
            return nil
        }
        return choice
    }

    mutating func strings(_ key: String) -> [String]? {
        used.insert(key)
        guard let node = mapping[key] else { return nil }
        switch node {
        case .scalar(let scalar): return node.null != nil ? [] : [scalar.string]
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                if case .scalar(let scalar) = item { values.append(scalar.string) } else { problem(item, "\(key) must list plain values") }
            }
            return values
        default:
            problem(node, "\(key) must be a list")
            return nil
        }
    }

    mutating func section(_ key: String) -> YAMLFields? {
        used.insert(key)
        var problems: [ConfigProblem] = []
        let fields = YAMLFields(mapping[key], file: file, problems: &problems, what: key)
        self.problems += problems
        return fields
    }

    mutating func sequence(_ key: String) -> [Node]? {
        used.insert(key)
        guard let node = mapping[key] else { return nil }
        guard case .sequence(let sequence) = node else {
            problem(node, "\(key) must be a list")
            return nil
        }
        return Array(sequence)
    }

    /// Reports keys nobody asked for: usually typos.
    mutating func rejectUnknownKeys(in what: String) {
        for (key, _) in mapping {
            guard let name = key.string, !used.contains(name) else { continue }
            problem(key, "unknown key \"\(name)\" in \(what)")
        }
    }

    /// Merges a nested reader's problems back.
    mutating func absorb(_ other: YAMLFields) {
        problems += other.problems
    }
}
