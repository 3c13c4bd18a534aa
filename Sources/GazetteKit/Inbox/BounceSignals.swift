/// Whether a message looks like a bounce (DESIGN.md step T2) even without a DSN part: its From,
/// its Subject, or a notice that says delivery failed.
enum BounceSignals {
    static let bounceFrom = InboxPattern(
        #"mailer-daemon|postmaster|post_master|mail ?delivery|mail ?administrator|mail ?system|mailadmin|\bndr\b|\bdaemon\b"#,
        case: .asciiFolded)

    static let bounceSubject = InboxPattern(
        #"undeliver|undelivered|delivery (status|failure|failed|has failed|notification|problem|report|error)|returned (mail|message)|"#
            + #"failure notice|mail delivery failed|could not be delivered|non remis|delivery failure|failed delivery|"#
            + #"mail system error|message delivery|returned to sender|not delivered|unzustellbar|could not send|"#
            + #"delayed mail|mail failure|error sending|permanent failure|failure delivery|nondeliverable|non-delivery"#,
        case: .asciiFolded)

    /// The notice itself says that a delivery failed.
    static let failureText = InboxPattern(
        #"could not be delivered|couldn.t be delivered|was not delivered|undeliverable|delivery (has )?failed|failed permanently|"#
            + #"permanent (error|failure)|unable to deliver|delivery to the following|could not deliver|not be delivered|"#
            + #"delivery status notification|returned mail|mail delivery failed|were unable to deliver|did not reach"#,
        case: .asciiFolded)
}
