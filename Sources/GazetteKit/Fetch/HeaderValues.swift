import Foundation

/// Parsers for the few HTTP header values the fetcher acts on.
enum HeaderValues {
    /// Splits `text/html; charset="UTF-8"` into `("text/html", "utf-8")`.
    static func contentType(_ value: String?) -> (type: String?, charset: String?) {
        guard let value, !value.isEmpty else { return (nil, nil) }
        let parts = value.split(separator: ";").map { $0.trimmed }
        let type = parts.first.map { $0.lowercased() }
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmed }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return (type?.isEmpty == true ? nil : type, charset)
    }

    /// `Retry-After` as seconds from `now`: either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
    static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmed, !value.isEmpty else { return nil }
        if let seconds = Int(value) { return Double(max(0, seconds)) }
        guard let date = httpDate(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// IMF-fixdate, the obsolete RFC 850 form and asctime, as RFC 9110 §5.6.7 requires; RFC 850's
    /// date (`06-Nov-94`) is read with spaces for its dashes.
    static func httpDate(_ value: String) -> Date? {
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].allSatisfy(\.isNumber), parts[1].allSatisfy(\.isLetter), parts[2].allSatisfy(\.isNumber) else {
                return String(word)
            }
            return parts.joined(separator: " ")
        }
        return Timestamp.parse(words.joined(separator: " "))
    }
}
