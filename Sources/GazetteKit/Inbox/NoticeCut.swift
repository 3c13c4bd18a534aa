/// The human-readable notice of a text part (DESIGN.md step T1): cut before the returned copy of
/// the original message, and bounded (3000 lines of at most 2000 characters), since a real notice
/// is short and a huge text part must not cost much.
enum NoticeCut {
    static let maxLines = 3000
    static let maxLineLength = 2000

    /// A line announcing the returned copy: the notice ends there.
    private static let separator = InboxPattern(
        #"^\s*[-=_*#>]*\s*(\(?(original|returned|unsent|undelivered|rejected|bounced) (message|mail|e-?mail|headers?)\b|"#
            + #"below (this line )?is a copy|this is a copy|copy of (the|your) (original )?message|message headers? follows?|"#
            + #"headers? of the (original|returned)|the (original )?message (headers? )?(follows|is attached)|"#
            + #"content-type: message/rfc822|start of (the )?(returned|original)|forwarded message|"#
            + #"the header of the original message|the original message headers)"#,
        case: .asciiFolded, prefilter: false)

    /// Header fields that never occur in a notice (at column 0, followed by whitespace).
    private static let headerNames: Set<String> = [
        "return-path", "received", "message-id", "dkim-signature", "mime-version", "delivered-to", "authentication-results",
        "arc-seal", "arc-message-signature", "arc-authentication-results", "content-transfer-encoding",
    ]

    static func notice(_ text: String) -> String {
        var lines = text.newlineSeparated.prefix(maxLines).map { line in
            line.utf8.count <= maxLineLength ? line : Substring(String(String.UnicodeScalarView(line.unicodeScalars.prefix(maxLineLength))))
        }
        for index in lines.indices.dropFirst() {
            let line = String(lines[index])
            if isHeaderLine(line) || isSeparator(line) {
                lines.removeSubrange(index...)
                break
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the line can match `separator` at all: after spaces and `-=_*#>`, every one of its
    /// wordings starts with one of `(orubtcmhsf` and contains one of these words.
    private static let separatorWords = ["message", "original", "returned", "copy", "below", "unsent", "undelivered", "rejected", "bounced"]
        .map { Array($0.utf8) }

    private static func isSeparator(_ line: String) -> Bool {
        for scalar in line.unicodeScalars {
            if scalar.isPythonSpace || "-=_*#>".unicodeScalars.contains(scalar) { continue }
            guard "(orubtcmhsfORUBTCMHSF".unicodeScalars.contains(scalar) else { return false }
            let text = InboxText(line)
            return separatorWords.contains(where: text.contains) && separator.prefixMatch(in: text) != nil
        }
        return false
    }

    /// `^(return-path|received|...|x-[a-z0-9-]+|content-transfer-encoding):\s`, any case.
    static func isHeaderLine(_ line: String) -> Bool {
        guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let name = line.utf8[line.utf8.startIndex..<colon].map(\.asciiLowercased)
        let known: Bool
        if name.count > 2, name[0] == UInt8(ascii: "x"), name[1] == UInt8(ascii: "-") {
            known = name.dropFirst(2).allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == UInt8(ascii: "-") }
        } else {
            known = headerNames.contains(String(decoding: name, as: UTF8.self))
        }
        guard known else { return false }
        let rest = line[line.index(after: colon)...]
        return rest.unicodeScalars.first?.isPythonSpace ?? false
    }
}
