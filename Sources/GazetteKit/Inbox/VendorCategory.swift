/// `X-PowerMTA-BounceCategory` (and compatible) values: the reporting MTA classified the bounce
/// itself (DESIGN.md step D8).
enum VendorCategory {
    static let reasons: [String: String] = [
        "bad-mailbox": "userunknown", "bad-domain": "hostunknown", "inactive-mailbox": "suspend", "quota-issues": "mailboxfull",
        "message-expired": "expired", "spam-related": "spamdetected", "policy-related": "policyviolation",
        "virus-related": "virusdetected", "content-related": "contenterror", "invalid-sender": "rejected",
        "relaying-issues": "norelaying", "bad-connection": "networkerror", "no-answer-from-host": "networkerror",
        "routing-errors": "systemerror", "protocol-errors": "systemerror", "bad-configuration": "systemerror",
    ]
}
