/// Enhanced status codes (RFC 3463, `5.1.1`) and SMTP reply codes (RFC 5321, `550`) in text.
enum StatusCodes {
    private static let enhanced = InboxPattern(#"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)"#)
    private static let reply = InboxPattern(#"(?<![\d.\-:/#=])([45][0-5]\d)(?=[ \-:]|$)"#)
    /// A code right after a reply code (`550 5.7.1`, `550-'5.7.1`).
    private static let afterReply = InboxPattern(#"(?<!\d)[45]\d\d[ \-]+['"]?([245]\.\d{1,3}\.\d{1,3})(?![\d])"#)

    /// The first enhanced status code in the text, "" if none.
    static func findStatus(_ text: String) -> String {
        guard let match = enhanced.firstMatch(in: text) else { return "" }
        return "\(match.group(1) ?? "").\(match.group(2) ?? "").\(match.group(3) ?? "")"
    }

    /// The first SMTP reply code 4xx/5xx in the text, "" if none.
    static func findReply(_ text: String) -> String {
        reply.firstMatch(in: text)?.group(1) ?? ""
    }

    /// `5.1.1` → `1.1`; "" for anything that is not three dotted parts.
    static func subject(_ status: String) -> String {
        let parts = status.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard status.filter({ $0 == "." }).count == 2, parts.count == 2 else { return "" }
        return String(parts[1])
    }

    /// The status for a recipient (DESIGN.md J1): the DSN Status field's code, replaced by one
    /// quoted in the text when the field has none or only the generic `x.0.0` of the same class
    /// (a code right after a reply code preferred); else derived from the reply code.
    static func pick(dsnStatus: String, text: String) -> String {
        var status = findStatus(dsnStatus)
        let found = afterReply.firstMatch(in: text)?.group(1) ?? findStatus(text)
        if !found.isEmpty, status.isEmpty || (subject(status) == "0.0" && found.first == status.first) {
            status = found
        }
        if status.isEmpty {
            let code = findReply(text)
            if let first = code.first { status = "\(first).0.0" }
        }
        return status
    }
}
