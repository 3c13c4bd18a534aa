/// RFC 3464 delivery-status records (DESIGN.md step D).
enum DeliveryStatusPath {
    private static let finalRecipientLine = InboxPattern(#"^final-recipient:"#, case: .asciiFolded, multiline: true)
    private static let actionLine = InboxPattern(#"^action:"#, case: .asciiFolded, multiline: true)
    private static let originalRecipient = InboxPattern(
        #"original[ -](?:recipient|address)\s*:\s*(?:rfc822;\s*)?<?("# + MailAddressText.address + ")", case: .asciiFolded)
    private static let inboundSES = InboxPattern(#"inbound-smtp\.[a-z0-9-]+\.amazonaws\.com"#, case: .asciiFolded)

    /// The findings of the DSN records, nil when there are none (the plain-text path goes next).
    /// Records of delivered, relayed or expanded recipients give no finding.
    static func findings(_ notice: BounceNotice) -> [BounceFinding]? {
        var dsnText = notice.parts.dsn.joined(separator: "\n\n")
        if dsnText.isEmpty, finalRecipientLine.occurs(in: notice.notice), actionLine.occurs(in: notice.notice) {
            dsnText = notice.notice  // DSN fields pasted into a text part
        }
        guard !dsnText.isEmpty else { return nil }
        let records = DSNRecord.records(in: dsnText)
        guard !records.isEmpty else { return nil }
        let found = RecipientScanner.recipients(notice.candidates, excluding: [])
        let segments = NoticeSegments.segments(notice.notice, found)
        var results: [BounceFinding] = []
        for record in records {
            var address = nonEmpty(record.final) ?? nonEmpty(record.original) ?? ""
            if record.sourceRouted, let original = nonEmpty(record.original) {
                address = original  // "@relay:user@host" is a route, not the subscriber's address
            } else if record.sourceRouted,
                      let match = originalRecipient.firstMatch(in: notice.sources.joined(separator: "\n")), let named = match.group(1) {
                address = MailAddressText.clean(named)
            }
            if address.isEmpty || !MailAddressText.isPlausible(address) { address = nonEmpty(record.original) ?? address }
            guard !address.isEmpty else { continue }
            let action = record.action.lowercased().split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.isPythonSpace) }).first.map(String.init) ?? ""
            if action == "delivered" || action == "relayed" || action == "expanded" { continue }
            let diag = DSNRecord.strippingDiagnosticType(record.diagnosticCode)
            var (own, extended) = segments[address] ?? record.original.flatMap { segments[$0] } ?? ("", "")
            if records.count == 1 { extended = notice.notice }
            var verdict = BounceJudge.judge(diag: diag, context: own, dsnStatus: record.status, action: action)
            if verdict.reason == "onhold" || verdict.reason == "undefined", extended != own {
                verdict = BounceJudge.judge(diag: diag, context: extended, dsnStatus: record.status, action: action)
            }
            if let category = VendorCategory.reasons[record.powerMTACategory.pythonStripped.lowercased()], !verdict.status.hasPrefix("4") {
                verdict.reason = category
                verdict.kind = PhraseTables.hardReasons.contains(category) ? .hard : .soft
            }
            if verdict.kind == .hard, isReceiptRuleBounce(notice.message, record) {
                if verdict.reason == "userunknown" { verdict.reason = "filtered" }
                verdict.kind = .soft
            }
            results.append(BounceFinding(recipient: address, kind: verdict.kind, reason: verdict.reason, status: verdict.status))
        }
        return BounceClassifier.deduplicated(results)
    }

    /// Amazon SES inbound "Bounce" actions send a DSN whose text is a template chosen by the
    /// receiving domain's rules (Reporting-MTA inbound-smtp.*.amazonaws.com, no Remote-MTA): the
    /// rule decided, no mailbox lookup happened, so it is not evidence that the address is gone.
    private static func isReceiptRuleBounce(_ message: MIMEEntity, _ record: DSNRecord) -> Bool {
        message.hasValue("x-ses-outgoing") && record.remoteMTA.isEmpty && inboundSES.occurs(in: record.reportingMTA)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
