/// A Content-Type field: `type/subtype` lower-cased (`text/plain` when missing) and its
/// parameters (names lower-cased, quotes removed).
struct ContentType: Sendable {
    let type: String
    let parameters: [String: String]

    static let plain = ContentType(type: "text/plain", parameters: [:])

    init(type: String, parameters: [String: String]) {
        self.type = type
        self.parameters = parameters
    }

    /// Reads a field value (Latin-1 text).
    init(field: String) {
        let value = field.pythonStripped
        let head = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var type = head.pythonStripped.lowercased()
        if type.isEmpty { type = "text/plain" }
        if !type.contains("/") { type = type == "text" ? "text/plain" : type + "/unknown" }
        self.type = type
        parameters = Self.parameters(of: value)
    }

    var isMultipart: Bool { type.hasPrefix("multipart/") }

    /// `;\s*([A-Za-z0-9*_.-]+)\s*=\s*("([^"]*)"|[^;\s]*)` found left to right: each `;` that starts
    /// a `name=value` gives a parameter (a later one of the same name wins).
    private static func parameters(of value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        guard value.utf8.contains(UInt8(ascii: ";")) else { return parameters }
        let scalars = Array(value.unicodeScalars)
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "*_.-".unicodeScalars.contains(scalar))
        }
        func skipSpace(_ index: inout Int) { while index < scalars.count, scalars[index].isPythonSpace { index += 1 } }
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var index = 0
        while index < scalars.count {
            guard scalars[index] == ";" else { index += 1; continue }
            var cursor = index + 1
            skipSpace(&cursor)
            let nameStart = cursor
            while cursor < scalars.count, isNameScalar(scalars[cursor]) { cursor += 1 }
            let nameEnd = cursor
            skipSpace(&cursor)
            guard nameEnd > nameStart, cursor < scalars.count, scalars[cursor] == "=" else { index += 1; continue }
            cursor += 1
            skipSpace(&cursor)
            let name = text(nameStart..<nameEnd).lowercased()
            if cursor < scalars.count, scalars[cursor] == "\"", let close = scalars[(cursor + 1)...].firstIndex(of: "\"") {
                parameters[name] = text((cursor + 1)..<close)
                index = close + 1
            } else {
                let valueStart = cursor
                while cursor < scalars.count, scalars[cursor] != ";", !scalars[cursor].isPythonSpace { cursor += 1 }
                parameters[name] = text(valueStart..<cursor)
                index = cursor
            }
        }
        return parameters
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace as Python's `str.strip()` sees it.
    var pythonStripped: String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, first.value > 0x20, first.value < 0x80, last.value > 0x20, last.value < 0x80 {
            return String(self)
        }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isPythonSpace { scalars.formIndex(after: &start) }
        while end > start, scalars[scalars.index(before: end)].isPythonSpace { scalars.formIndex(before: &end) }
        return String(self[start..<end])
    }
}

extension Unicode.Scalar {
    /// Python's `str.isspace()`.
    var isPythonSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default: return properties.isWhitespace
        }
    }
}
