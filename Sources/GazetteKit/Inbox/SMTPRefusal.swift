extension BounceClassifier {
    /// A relay's permanent refusal during `gazette run` (`550 5.1.1 ... (in reply to RCPT TO)`),
    /// judged as a bounce's diagnostic would be: the same rules decide hard or soft.
    public static func classify(reply: String, recipient: String) -> BounceFinding {
        let verdict = BounceJudge.judge(diag: reply)
        return BounceFinding(recipient: recipient, kind: verdict.kind, reason: verdict.reason, status: verdict.status)
    }
}
