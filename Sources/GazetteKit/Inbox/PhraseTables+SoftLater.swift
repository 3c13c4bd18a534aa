extension PhraseTables {
    /// Tier 6: everything else that still explains a failure.
    static let softLater = PhraseTier([
        ("filtered", [
            #"\bfilter"#, #"rejected by (the )?recipient"#, #"refused by (the )?recipient"#, #"recipient.{0,20}preferences"#,
            #"not accepted by the recipient"#, #"user reject"#, #"refuse(s|d)? to (receive|accept)"#,
        ]),
        ("policyviolation", [
            #"\bpolicy\b"#, #"not allowed"#, #"\bforbidden\b"#,
        ]),
        ("expired", [
            #"retry (time(out)?|period|limit) (was |has been )?(exceeded|expired|reached)"#,
            #"(message|delivery) (has )?expired"#, #"\bexpired\b"#, #"could not be delivered (for|within)"#,
            #"(for|in) (the )?(past|last) \d+"#, #"too long in (the )?queue"#, #"giving up"#, #"gave up"#, #"has been delayed"#,
            #"delivery (is |was )?delayed"#, #"not (yet )?been delivered"#, #"still (being )?retried"#,
            #"will (continue to )?retry"#, #"timeout exceeded"#, #"(cannot|could not) send (message )?for \d+"#, #"deferred"#,
            #"delay"#,
        ]),
        ("networkerror", [
            #"timed? ?out"#, #"connection (refused|reset|lost|closed|failed|dropped)"#, #"network"#, #"unreachable"#,
            #"could not connect"#, #"unable to connect"#, #"cannot connect"#, #"connect to .{0,80} failed"#,
            #"mail (forwarding )?loop"#, #"loops? back to"#, #"too many hops"#, #"routing loop"#, #"lost connection"#,
            #"protocol error"#, #"\bdns\b"#, #"no route to host"#, #"name ?server"#, #"lookup fail"#, #"temporary (dns|lookup)"#,
        ]),
        ("systemfull", [
            #"insufficient system storage"#, #"system (is )?full"#, #"out of (disk|memory)"#, #"disk (is )?full"#,
        ]),
        ("mailererror", [
            #"x-unix"#, #"command output"#, #"mailer error"#, #"procmail"#, #"pipe to"#, #"exit (code|status)"#,
            #"local delivery failed"#,
        ]),
        ("contenterror", [
            #"header (error|syntax|line|field|is)"#, #"\bmime\b"#, #"message content"#, #"encoding"#, #"8-?bit"#,
            #"line too long"#, #"message (is )?(malformed|corrupt)"#, #"content (type|error)"#,
        ]),
        ("syntaxerror", [
            #"syntax (error|is wrong)"#, #"malformed"#, #"bad command"#, #"command unrecognized"#, #"unrecognized command"#,
            #"invalid command"#, #"bad (address )?syntax"#,
        ]),
        ("systemerror", [
            #"system error"#, #"internal (server )?error"#, #"server error"#, #"local error"#,
            #"temporary (local )?(failure|error|problem)"#, #"try (again )?later"#, #"service (not available|unavailable)"#,
            #"\bunavailable\b"#, #"config(uration)? error"#, #"misconfig"#, #"loop detected"#, #"i/o error"#,
        ]),
    ])
}
