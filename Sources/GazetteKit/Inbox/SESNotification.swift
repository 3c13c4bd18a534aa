/// ESP notifications delivered as JSON in a mail (DESIGN.md step N): Amazon SES, directly or
/// wrapped in an SNS envelope (`"Message": "{...}"`).
enum SESNotification {
    /// The findings of the first text part holding a Bounce, Complaint or Delivery notification;
    /// nil when there is none.
    static func findings(_ parts: MessageParts) -> [BounceFinding]? {
        for text in parts.texts where text.has("notificationType") || text.has("eventType") {
            guard var object = notificationObject(text) else { continue }
            if case .string(let inner)? = object["Message"], let parsed = try? JSON.parse(bytes: Array(inner.utf8)) {
                guard case .object(let fields) = parsed else { return [] }  // the prototype fails on this message
                object = fields
            }
            let typeValue = truthy(object["notificationType"]) ?? truthy(object["eventType"])
            guard case .string(let type)? = typeValue else { continue }
            switch type.lowercased() {
            case "bounce": return bounces(object["bounce"])
            case "complaint": return complaints(object["complaint"])
            case "delivery": return deliveries(object["delivery"])
            default: continue
            }
        }
        return nil
    }

    /// The JSON object from the first `{` to the last `}`, read as is, else with mail folding
    /// ("newline + space") removed, else with every newline removed.
    private static func notificationObject(_ text: String) -> [String: JSONValue]? {
        let bytes = Array(text.utf8)
        guard let start = bytes.firstIndex(of: UInt8(ascii: "{")), let end = bytes.lastIndex(of: UInt8(ascii: "}")), start < end else { return nil }
        let body = Array(bytes[start...end])
        let unfolded = removing([0x0A, 0x20], from: body)
        let joined = body.filter { $0 != 0x0A }
        for candidate in [body, unfolded, joined] {
            guard let value = try? JSON.parse(bytes: candidate) else { continue }
            if case .object(let fields) = value { return fields }
            return nil
        }
        return nil
    }

    private static func bounces(_ value: JSONValue?) -> [BounceFinding] {
        guard let bounce = truthy(value) else { return [] }
        guard case .object(let fields) = bounce else { return [] }  // the prototype fails on this message
        let bounceType = pythonString(fields["bounceType"] ?? .string("")).lowercased()
        let subtype = pythonString(fields["bounceSubType"] ?? .string("")).lowercased()
        var findings: [BounceFinding] = []
        for recipient in elements(truthy(fields["bouncedRecipients"])) {
            guard case .object(let entry) = recipient else { return [] }
            let diag = DSNRecord.strippingDiagnosticType(pythonString(entry["diagnosticCode"] ?? .string("")))
            var verdict = BounceJudge.judge(diag: diag, context: "", dsnStatus: pythonString(entry["status"] ?? .string("")),
                                            action: pythonString(entry["action"] ?? .string("")))
            if bounceType != "permanent" { verdict.kind = .soft }
            if subtype == "suppressed" || subtype == "onaccountsuppressionlist" { verdict.reason = "suppressed"; verdict.kind = .soft }
            findings.append(BounceFinding(recipient: MailAddressText.clean(pythonString(entry["emailAddress"] ?? .string(""))),
                                          kind: verdict.kind, reason: verdict.reason, status: verdict.status))
        }
        return findings
    }

    private static func complaints(_ value: JSONValue?) -> [BounceFinding] {
        guard let complaint = truthy(value) else { return [] }
        guard case .object(let fields) = complaint else { return [] }
        var findings: [BounceFinding] = []
        for recipient in elements(truthy(fields["complainedRecipients"])) {
            guard case .object(let entry) = recipient else { return [] }
            findings.append(BounceFinding(recipient: MailAddressText.clean(pythonString(entry["emailAddress"] ?? .string(""))),
                                          kind: .complaint, reason: "feedback", status: ""))
        }
        return findings
    }

    private static func deliveries(_ value: JSONValue?) -> [BounceFinding] {
        guard let delivery = truthy(value) else { return [] }
        guard case .object(let fields) = delivery else { return [] }
        let status = StatusCodes.findStatus(pythonString(fields["smtpResponse"] ?? .string("")))
        return elements(truthy(fields["recipients"])).map {
            BounceFinding(recipient: MailAddressText.clean(pythonString($0)), kind: .ignore, reason: "delivered", status: status)
        }
    }

    /// The value unless Python would find it false (null, false, 0, "", [], {}).
    private static func truthy(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case nil, .null?, .bool(false)?: return nil
        case .number(let number)? where number == 0: return nil
        case .string(let text)? where text.isEmpty: return nil
        case .array(let items)? where items.isEmpty: return nil
        case .object(let fields)? where fields.isEmpty: return nil
        default: return value
        }
    }

    /// The items Python would iterate over: an array's elements, a string's characters, an object's keys.
    private static func elements(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case .array(let items)?: return items
        case .string(let text)?: return text.map { .string(String($0)) }
        case .object(let fields)?: return fields.keys.map { .string($0) }
        default: return []
        }
    }

    /// Python's `str()` of a JSON value, near enough.
    private static func pythonString(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .array, .object: return String(decoding: JSON.text(value, style: .compact), as: UTF8.self)
        }
    }

    private static func removing(_ pair: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count, bytes[index] == pair[0], bytes[index + 1] == pair[1] {
                index += 2
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
