/// Plain-text notices (DESIGN.md step T3–T7): recipients named in the notice (or the
/// X-Failed-Recipients header), each judged on its own segment.
enum PlainTextPath {
    static func findings(_ notice: BounceNotice) -> [BounceFinding] {
        var found = RecipientScanner.recipients(notice.candidates, excluding: notice.excluded)
        let failed = MailAddressText.find(in: notice.message.decoded("x-failed-recipients"))
        if !failed.isEmpty {
            // the MTA's own list (Exim, Gmail): trusted when the text agrees with it or names
            // nobody; a notice that names other addresses wins
            let lower = Set(failed.map { $0.lowercased() })
            let both = found.filter { lower.contains($0.address.lowercased()) }
            if !both.isEmpty || found.isEmpty {
                let known = Set(both.map { $0.address.lowercased() })
                found = both + failed.filter { !known.contains($0.lowercased()) }.map { ($0, -1) }
            }
        }
        if found.isEmpty {
            // people test by writing to themselves: the sender may also be the failed recipient
            let senders = Set(MailAddressText.find(in: notice.fromHeader).map { $0.lowercased() })
            found = RecipientScanner.recipients(notice.candidates, excluding: senders)
        }
        let segments = NoticeSegments.segments(notice.notice, found)
        var results: [BounceFinding] = []
        for (address, _) in found {
            var (own, extended) = segments[address] ?? ("", "")
            if found.count == 1 { extended = notice.notice }
            // the SMTP command is looked up in the recipient's own lines when several share a notice
            let commandText = found.count == 1 ? extended : own
            var verdict = BounceJudge.judge(diag: own, context: extended, commandText: commandText)
            if verdict.reason == "onhold" || verdict.reason == "undefined" {
                verdict = BounceJudge.judge(diag: "", context: extended, commandText: commandText)
            }
            results.append(BounceFinding(recipient: address, kind: verdict.kind, reason: verdict.reason, status: verdict.status))
        }
        return BounceClassifier.deduplicated(results)
    }
}
