/// Address checks for a mailing list: RFC 5321/5322 dot-atom or quoted local part, a domain of
/// LDH labels (internationalised labels converted to `xn--` ASCII), lengths within the SMTP limits.
/// Display names (`Jo <jo@x.org>`), spaces, CR/LF and other control characters are refused.
public enum EmailAddress {
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    /// The address with its domain lower-cased and in ASCII.
    public static func normalize(_ raw: String) throws(SubscriberError) -> String {
        let address = raw.trimmed
        func fail(_ reason: String) -> SubscriberError { .invalidAddress(raw, reason: reason) }
        guard !address.isEmpty else { throw fail("it is empty") }
        if address.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw fail("it contains a line break or control character")
        }
        if address.contains("<") || address.contains(">") { throw fail("give the bare address, without a display name or angle brackets") }
        guard let at = address.lastIndex(of: "@") else { throw fail("it has no @") }
        let local = String(address[..<at]), domain = String(address[address.index(after: at)...])
        try checkLocal(local, fail: fail)
        let asciiDomain = try asciiDomain(domain, fail: fail)
        let result = local + "@" + asciiDomain
        guard result.utf8.count <= 254 else { throw fail("it is longer than 254 characters") }
        return result
    }

    private static func checkLocal(_ local: String, fail: (String) -> SubscriberError) throws(SubscriberError) {
        guard !local.isEmpty else { throw fail("nothing before the @") }
        guard local.utf8.count <= 64 else { throw fail("the part before the @ is longer than 64 characters") }
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
            var escaped = false
            for scalar in local.unicodeScalars.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if scalar == "\\" { escaped = true; continue }
                if scalar == "\"" || scalar.value > 0x7E { throw fail("invalid character in the quoted part before the @") }
            }
            if escaped { throw fail("the quoted part before the @ ends with a backslash") }
            return
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            throw fail("dots may not start, end or repeat in the part before the @")
        }
        if let bad = local.unicodeScalars.first(where: { $0 != "." && !atext.contains($0) }) {
            throw fail(bad == " " ? "it contains a space" : "'\(bad)' is not allowed before the @")
        }
    }

    private static func asciiDomain(_ domain: String, fail: (String) -> SubscriberError) throws(SubscriberError) -> String {
        let trimmed = domain.hasSuffix(".") ? String(domain.dropLast()) : domain
        guard !trimmed.isEmpty else { throw fail("nothing after the @") }
        let labels = trimmed.lowercased().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2 else { throw fail("the domain needs a dot (like example.org)") }
        var ascii: [String] = []
        for label in labels {
            guard !label.isEmpty else { throw fail("the domain has an empty label") }
            var converted = label
            if label.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
                guard let encoded = Punycode.encode(label) else { throw fail("the domain label '\(label)' cannot be converted to ASCII") }
                converted = "xn--" + encoded
            }
            guard converted.utf8.count <= 63 else { throw fail("a domain label is longer than 63 characters") }
            guard converted.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }) else {
                throw fail("the domain may only contain letters, digits, hyphens and dots")
            }
            guard !converted.hasPrefix("-"), !converted.hasSuffix("-") else { throw fail("a domain label starts or ends with a hyphen") }
            ascii.append(converted)
        }
        if ascii.last!.allSatisfy(\.isNumber) { throw fail("the top-level domain is numeric") }
        let result = ascii.joined(separator: ".")
        guard result.utf8.count <= 253 else { throw fail("the domain is longer than 253 characters") }
        return result
    }
}
