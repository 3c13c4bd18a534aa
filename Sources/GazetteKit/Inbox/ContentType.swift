/// A Content-Type field: `type/subtype` lower-cased (`text/plain` when missing) and its
/// parameters (names lower-cased, quotes removed).
struct ContentType: Sendable {
    let type: String
    let parameters: [String: String]

    static let plain = ContentType(type: "text/plain", parameters: [:])

    private static let parameter = InboxPattern(#";\s*([A-Za-z0-9*_.-]+)\s*=\s*("([^"]*)"|[^;\s]*)"#)

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
        var parameters: [String: String] = [:]
        for match in Self.parameter.allMatches(in: value) {
            guard let name = match.group(1) else { continue }
            parameters[name.lowercased()] = match.group(3) ?? match.group(2) ?? ""
        }
        self.type = type
        self.parameters = parameters
    }

    var isMultipart: Bool { type.hasPrefix("multipart/") }
}

extension StringProtocol {
    /// Without leading and trailing whitespace as Python's `str.strip()` sees it.
    var pythonStripped: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isPythonSpace { scalars.formIndex(after: &start) }
        while end > start, scalars[scalars.index(before: end)].isPythonSpace { scalars.formIndex(before: &end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
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
