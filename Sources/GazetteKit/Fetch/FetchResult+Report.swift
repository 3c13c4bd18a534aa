import Foundation

extension FetchResult {
    /// One line for `gazette fetch`: status, bytes, seconds, final URL, then the error if any.
    public var reportLine: String {
        switch outcome {
        case .success(let response):
            let status = response.status == 0 ? "ok" : String(response.status)
            var line = "\(status.padding(toLength: 4, withPad: " ", startingAt: 0)) \(Self.bytes(response.body.count)) "
                + "\(String(format: "%7.3f", elapsed))s  \(response.finalURL)"
            if response.notModified { line += "  (not modified, cached body)" }
            if attempts > 1 { line += "  (\(attempts) attempts)" }
            return line
        case .failure(let error):
            var line = "ERR  \(String(repeating: " ", count: 10)) \(String(format: "%7.3f", elapsed))s  \(error)"
            if attempts > 1 { line += "  (\(attempts) attempts)" }
            return line
        }
    }

    private static func bytes(_ count: Int) -> String {
        let text = "\(count) B"
        return String(repeating: " ", count: max(0, 10 - text.count)) + text
    }

    /// A file name for this result's body that is safe on any file system: host and path,
    /// unsafe characters replaced, prefixed by its position so names never collide.
    public func bodyFileName(position: Int) -> String {
        let source = response?.finalURL ?? url
        let trimmed = source.replacingOccurrences(of: "^[a-zA-Z]+://", with: "", options: .regularExpression)
        var name = String(trimmed.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        name = String(name.prefix(120)).trimmingCharacters(in: CharacterSet(charactersIn: "._"))
        return String(format: "%04d-", position) + (name.isEmpty ? "body" : name)
    }
}
