/// One per-recipient record of an RFC 3464 delivery-status body (DESIGN.md step D2).
struct DSNRecord {
    /// Recipient fields, present (maybe empty) or not; addresses cleaned.
    var final: String?
    var original: String?
    var actual: String?
    /// `Final-Recipient: rfc822;@relay:user@host`: a route, not the subscriber's address.
    var sourceRouted = false
    var action = ""
    var status = ""
    var diagnosticCode = ""
    var remoteMTA = ""
    var powerMTACategory = ""
    /// From the per-message block.
    var reportingMTA = ""

    private static let sourceRoute = InboxPattern(#"^\s*(rfc822;)?\s*<?@"#, case: .asciiFolded)
    private static let diagnosticType = InboxPattern(#"^\s*([A-Za-z0-9-]+)\s*;\s*"#)

    /// The records of a delivery-status text. Fields are grouped by blank-line separated blocks;
    /// a block with a Final-Recipient (or Original-Recipient) is one record whatever the order
    /// of its fields; a repeated recipient field inside a block starts a new record (DSNs
    /// written without blank lines). The Reporting-MTA is copied into every record.
    static func records(in text: String) -> [DSNRecord] {
        var records: [DSNRecord] = []
        var reportingMTA: String?
        for block in blocks(of: text) {
            var record = DSNRecord()
            for (name, value) in block {
                switch name {
                case "final-recipient", "original-recipient", "x-actual-recipient":
                    let present = name == "final-recipient" ? record.final : name == "original-recipient" ? record.original : record.actual
                    if present != nil {
                        records.append(record)
                        record = DSNRecord()
                    }
                    let address = recipientAddress(value)
                    switch name {
                    case "final-recipient":
                        record.final = address
                        if sourceRoute.prefixMatch(in: value) != nil { record.sourceRouted = true }
                    case "original-recipient": record.original = address
                    default: record.actual = address
                    }
                case "action": record.action = (record.action + " " + value).pythonStripped
                case "status": record.status = (record.status + " " + value).pythonStripped
                case "diagnostic-code": record.diagnosticCode = (record.diagnosticCode + " " + value).pythonStripped
                case "remote-mta": record.remoteMTA = (record.remoteMTA + " " + value).pythonStripped
                case "x-powermta-bouncecategory": record.powerMTACategory = (record.powerMTACategory + " " + value).pythonStripped
                case "reporting-mta": reportingMTA = value
                default: break
                }
            }
            if !(record.final ?? "").isEmpty || !(record.original ?? "").isEmpty { records.append(record) }
        }
        if let reportingMTA {
            for index in records.indices { records[index].reportingMTA = reportingMTA }
        }
        return records
    }

    /// The address of a recipient field: after `type;`, cleaned; for a value that is not a plain
    /// address (`|/usr/bin/prog user@host /path`), the first address inside it.
    private static func recipientAddress(_ value: String) -> String {
        let parts = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let raw = parts.count == 2 ? String(parts[1]) : value
        let address = MailAddressText.clean(raw)
        if !MailAddressText.isAddress(address.isEmpty ? "-" : address) {
            return MailAddressText.find(in: raw).first ?? address
        }
        return address
    }

    /// The blocks of `name: value` fields (names lower-cased, continuation lines joined).
    private static func blocks(of text: String) -> [[(String, String)]] {
        var blocks: [[(String, String)]] = []
        var current: [(String, String)] = []
        var last = -1
        for line in text.newlineSeparated {
            if line.pythonStripped.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
                last = -1
                continue
            }
            if let first = line.unicodeScalars.first, first == " " || first == "\t", last >= 0 {
                current[last].1 += " " + line.pythonStripped
                continue
            }
            if let field = field(line) {
                current.append(field)
                last = current.count - 1
            } else {
                last = -1
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// `^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$`: the lower-cased name and the stripped value.
    static func field(_ line: Substring) -> (String, String)? {
        let scalars = line.unicodeScalars
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var index = scalars.index(after: scalars.startIndex)
        while index < scalars.endIndex, scalars[index].isASCII,
              scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil || scalars[index] == "-" {
            scalars.formIndex(after: &index)
        }
        let name = String(scalars[scalars.startIndex..<index]).lowercased()
        while index < scalars.endIndex, scalars[index].isPythonSpace { scalars.formIndex(after: &index) }
        guard index < scalars.endIndex, scalars[index] == ":" else { return nil }
        scalars.formIndex(after: &index)
        return (name, String(scalars[index...]).pythonStripped)
    }

    /// `smtp; 550 ...` → `550 ...`; `X-Unix;`/`X-Postfix;` types are kept (the failure came from
    /// the local delivery program).
    static func strippingDiagnosticType(_ diag: String) -> String {
        guard let match = diagnosticType.prefixMatch(in: diag), let type = match.group(1), !type.lowercased().hasPrefix("x-") else { return diag }
        return match.after
    }
}
