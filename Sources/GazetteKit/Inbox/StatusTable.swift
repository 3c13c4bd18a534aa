/// The reason an enhanced status code stands for (subject.detail → reason), used when no phrase
/// decided; its hard entries (x.1.1, x.1.2, x.1.6, x.1.10) also decide before the late soft phrases.
enum StatusTable {
    static let reasons: [String: String] = [
        "1.1": "userunknown", "1.2": "hostunknown", "1.3": "syntaxerror", "1.4": "systemerror", "1.6": "hasmoved",
        "1.7": "rejected", "1.8": "rejected", "1.10": "userunknown",
        "2.0": "filtered", "2.1": "suspend", "2.2": "mailboxfull", "2.3": "exceedlimit", "2.4": "systemerror",
        "3.0": "systemerror", "3.1": "systemfull", "3.2": "systemerror", "3.3": "systemerror", "3.4": "mesgtoobig", "3.5": "systemerror",
        "4.0": "networkerror", "4.1": "networkerror", "4.2": "networkerror", "4.3": "systemerror", "4.4": "networkerror",
        "4.5": "networkerror", "4.6": "networkerror", "4.7": "expired",
        "5.0": "syntaxerror", "5.1": "syntaxerror", "5.2": "syntaxerror", "5.3": "toomanyconn", "5.4": "syntaxerror", "5.5": "syntaxerror",
        "6.0": "contenterror", "6.1": "contenterror", "6.2": "contenterror", "6.3": "contenterror", "6.4": "contenterror", "6.5": "contenterror",
        "7.0": "securityerror", "7.1": "blocked", "7.2": "securityerror", "7.3": "securityerror", "7.4": "securityerror",
        "7.5": "securityerror", "7.6": "securityerror", "7.7": "securityerror", "7.8": "securityerror", "7.9": "securityerror",
        "7.25": "blocked", "7.26": "securityerror",
        "7.27": "rejected",  // the SENDER's domain has a null MX (RFC 7505)
    ]

    /// Address-level codes: the mailbox address itself was refused.
    static let addressLevel: Set<String> = ["1.1", "1.10", "1.3"]
}
