import Foundation

/// The one date helper: reading the formats found in feeds, pages and files (RFC 822/2822 with
/// named, military and numeric zones, 2-digit years, missing seconds; RFC 3339/W3C-DTF with
/// offsets, fractions, reduced precision; asctime and the common broken variants; anything it
/// cannot read is `nil`, never "now"), and writing the forms Gazette uses: RFC 3339 in files,
/// RFC 5322 in mail headers, `yyyy-mm-dd` in edition ids, and localised dates in digests.
public enum Timestamp {
    /// Any format above (no zone means UTC); nil when the text cannot be read.
    public static func parse(_ text: String) -> Date? {
        if let exact = parseExactRFC3339(text) { return exact }
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else { return nil }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 4, bytes[0...3].allSatisfy(isDigit) {
            return parseISO(bytes)
        }
        return parseWords(trimmed)
    }

    /// The form Gazette writes, `2026-11-29T06:00:00Z`, read without any allocation.
    private static func parseExactRFC3339(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parseExactRFC3339(bytes: $0) }
    }

    /// `2026-11-29T06:00:00Z` read from bytes; `nil` for anything else.
    static func parseExactRFC3339<Bytes: RandomAccessCollection>(bytes: Bytes) -> Date? where Bytes.Element == UInt8, Bytes.Index == Int {
        let b = bytes
        let o = bytes.startIndex
        return { () -> Date? in
            guard b.count == 20, b[o + 4] == UInt8(ascii: "-"), b[o + 7] == UInt8(ascii: "-"), b[o + 10] == UInt8(ascii: "T"),
                  b[o + 13] == UInt8(ascii: ":"), b[o + 16] == UInt8(ascii: ":"), b[o + 19] == UInt8(ascii: "Z") else { return nil }
            func digits(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for i in (o + from)..<(o + from + count) {
                    guard b[i] >= 48, b[i] <= 57 else { return nil }
                    value = value * 10 + Int(b[i] - 48)
                }
                return value
            }
            guard let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2), let h = digits(11, 2), let mi = digits(14, 2),
                  let s = digits(17, 2) else { return nil }
            return makeDate(year: y, month: mo, day: d, hour: h, minute: mi, second: s, offset: 0)
        }()
    }

    /// Appends `2026-11-29T06:00:00Z` to a byte buffer.
    public static func appendRFC3339(_ date: Date, to out: inout [UInt8]) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            while divisor > 0 {
                out.append(UInt8(48 + (v / divisor) % 10))
                v %= divisor
                divisor /= 10
            }
        }
        put(y, 4); out.append(UInt8(ascii: "-")); put(m, 2); out.append(UInt8(ascii: "-")); put(d, 2)
        out.append(UInt8(ascii: "T")); put(rest / 3600, 2); out.append(UInt8(ascii: ":")); put(rest % 3600 / 60, 2)
        out.append(UInt8(ascii: ":")); put(rest % 60, 2); out.append(UInt8(ascii: "Z"))
    }

    /// `2026-11-29T06:00:00Z` for a date, the form Gazette writes in every file.
    public static func rfc3339(_ date: Date) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        appendRFC3339(date, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 5322 date in UTC for mail headers, such as `Sun, 29 Nov 2026 08:00:00 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(parts.tm_mday) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// `yyyy-mm-dd` of `date` in `zone` (an edition's day).
    public static func day(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.year ?? 0)-\(pad(parts.month))-\(pad(parts.day))"
    }

    /// A formatter for dates shown to readers: `template` (`EEEEdMMMMy`) in `language`'s form and `zone`.
    static func localized(_ template: String, language: String, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = zone
        formatter.setLocalizedDateFormatFromTemplate(template)
        return formatter
    }

    // MARK: RFC 3339 / W3C-DTF / ISO 8601 and the MSSQL style

    private static func parseISO(_ s: [UInt8]) -> Date? {
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= s.count, s[i..<i + count].allSatisfy(isDigit) else { return nil }
            defer { i += count }
            return s[i..<i + count].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        func accept(_ c: UInt8) -> Bool {
            if i < s.count, s[i] == c { i += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        var month = 1, day = 1, hour = 0, minute = 0, second = 0
        let compact = i < s.count && isDigit(s[i])
        if compact || accept(UInt8(ascii: "-")) {
            guard let m = number(2) else { return nil }
            month = m
            if compact || accept(UInt8(ascii: "-")) {
                guard let d = number(2) else { return nil }
                day = d
            }
        }
        var offset = 0
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == UInt8(ascii: " ") {
            i += 1
            while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
            guard let h = number(2) else { return nil }
            hour = h
            let colon = accept(UInt8(ascii: ":"))
            guard let mi = number(2) else { return nil }
            minute = mi
            if (colon && accept(UInt8(ascii: ":"))) || (!colon && i < s.count && isDigit(s[i])) {
                guard let se = number(2) else { return nil }
                second = se
            }
            if accept(UInt8(ascii: ".")) || accept(UInt8(ascii: ",")) {
                guard i < s.count, isDigit(s[i]) else { return nil }
                while i < s.count, isDigit(s[i]) { i += 1 }
            }
            while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
            if i < s.count {
                if accept(UInt8(ascii: "Z")) || accept(UInt8(ascii: "z")) {
                    offset = 0
                } else if s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                    let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = accept(UInt8(ascii: ":"))
                    let om = number(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else if String(decoding: s[i...], as: UTF8.self).uppercased() == "UTC"
                            || String(decoding: s[i...], as: UTF8.self).uppercased() == "GMT" {
                    i = s.count
                }
            }
        }
        guard i == s.count else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822 family, asctime and word-order variants

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "sept": 9,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    private static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "tues", "thur", "thurs",
    ]

    /// Zone names, in hours from UTC. Military letters follow the RFC 822 table as feed readers apply it.
    private static let zones: [String: Double] = {
        var table: [String: Double] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "etc/gmt": 0, "etc/utc": 0, "wet": 0,
            "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5, "cdt": -5, "cst": -6, "ct": -6,
            "mdt": -6, "mst": -7, "mt": -7, "pdt": -7, "pst": -8, "pt": -8, "akst": -9, "akdt": -8, "hst": -10,
            "nst": -3.5, "ndt": -2.5, "bst": 1, "ist": 5.5, "cet": 1, "cest": 2, "met": 1, "mest": 2, "west": 1,
            "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8, "acst": 9.5,
            "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
        ]
        for (index, letter) in "abcdefghiklm".enumerated() { table[String(letter)] = -Double(index + 1) }
        for (index, letter) in "nopqrstuvwxy".enumerated() { table[String(letter)] = Double(index + 1) }
        return table
    }()

    private static func parseWords(_ text: String) -> Date? {
        var tokens: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch == " " || ch == "," || ch == "\t" {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else if (ch == "+" || ch == "-") && !current.isEmpty && !current.hasPrefix("+") && !current.hasPrefix("-")
                        && current.allSatisfy({ $0.isLetter || $0 == "/" }) {
                tokens.append(current)  // "GMT-01:01" → "gmt", "-01:01"
                current = String(ch)
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }

        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?, offsetIsUTCName = false
        var numbers: [String] = []
        var meridiem: String?
        for token in tokens {
            let clean = token.hasSuffix(".") ? String(token.dropLast()) : token
            if ["am", "pm", "a.m", "p.m"].contains(clean), time != nil, meridiem == nil {
                meridiem = String(clean.prefix(1))
                continue
            }
            // "Nov 20, 2019 at 9:28 AM": "at" before the time is a word; after it, the Atlantic zone.
            if clean == "-" || clean == "—" || (clean == "at" && time == nil) { continue }
            if let m = months[clean] {
                guard month == nil else { return nil }
                month = m
            } else if weekdays.contains(clean) {
                continue
            } else if clean.contains(":") && !(clean.hasPrefix("+") || clean.hasPrefix("-")) {
                guard time == nil, let t = parseTime(clean) else { return nil }
                time = t
            } else if clean.hasPrefix("+") || clean.hasPrefix("-") {
                guard offset == nil || offsetIsUTCName, let o = parseNumericZone(clean) else { return nil }
                offset = o  // "GMT-01:01": the numbers refine the name
                offsetIsUTCName = false
            } else if let hours = zones[clean] {
                guard offset == nil else {
                    if hours == 0 { continue }  // "+0000 GMT"
                    return nil
                }
                offset = Int(hours * 3600)
                offsetIsUTCName = hours == 0
            } else if clean.allSatisfy(\.isNumber) {
                numbers.append(clean)
            } else if clean.hasSuffix("st") || clean.hasSuffix("nd") || clean.hasSuffix("rd") || clean.hasSuffix("th"),
                      clean.dropLast(2).allSatisfy(\.isNumber), !clean.dropLast(2).isEmpty {
                numbers.append(String(clean.dropLast(2)))  // "1st"
            } else {
                return nil
            }
        }
        for number in numbers {
            guard let value = Int(number) else { return nil }
            if number.count == 4 {
                guard year == nil else { return nil }
                year = value
            } else if day == nil && number.count <= 2 {
                day = value
            } else if year == nil && number.count <= 2 {
                year = value < 50 ? 2000 + value : 1900 + value
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "p" ? 12 : 0)
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset ?? 0)
    }

    private static func parseTime(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var values: [Int] = []
        for (index, part) in parts.enumerated() {
            var digits = Substring(part)
            if index == 2, let dot = part.firstIndex(of: ".") { digits = part[..<dot] }  // fractions of a second
            guard !digits.isEmpty, digits.count <= 2, let value = Int(digits) else { return nil }
            values.append(value)
        }
        return (values[0], values[1], values.count == 3 ? values[2] : 0)
    }

    private static func parseNumericZone(_ text: String) -> Int? {
        let sign = text.hasPrefix("-") ? -1 : 1
        let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
        guard digits.allSatisfy(\.isNumber), [1, 2, 4].contains(digits.count), let value = Int(digits) else { return nil }
        let (hours, minutes) = digits.count == 4 ? (value / 100, value % 100) : (value, 0)
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, no Foundation calendar on the hot path)

    private static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              (0...23).contains(hour) || (hour == 24 && minute == 0 && second == 0),
              (0...59).contains(minute), (0...60).contains(second), (1...9999).contains(year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
