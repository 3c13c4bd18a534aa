extension PhraseTables {
    /// Tier 2: the recipient's own server looked the address up in its directory and did not
    /// find it: address-level by construction.
    static let directory = PhraseTier([
        ("userunknown", [
            #"not listed in .{0,40}(directory|address book)"#, #"recipient name is not recogni[sz]ed"#,
            #"not found in (the )?(directory|address book|ldap)"#, #"resolver\.adr\.recip(ient)?notfound"#, #"recipientnotfound"#,
            #"ディレクトリ.{0,20}(ありません|見つかりません)"#,
        ]),
    ])

    /// Tier 3: the address or its domain does not exist, has moved, or accepts no mail ("unknown
    /// user" wordings need RCPT-stage or x.1.x evidence, see `BounceJudge`). Other languages: fr,
    /// de, es/pt, it, ru, ja.
    static let hard = PhraseTier([
        ("hasmoved", [
            #"has moved"#, #"address (has )?changed"#, #"no longer (with|at) (us|this|our)"#, #"moved to (a )?new"#,
        ]),
        ("notaccept", [
            #"does not accept (any )?(e-?)?mail"#, #"doesn'?t accept (any )?(e-?)?mail"#, #"not accepting (any )?(e-?)?mail"#,
            #"accepts? no (e-?)?mail"#, #"null mx"#, #"no mx record"#, #"domain does not receive mail"#,
            #"does not receive (e-?)?mail"#,
        ]),
        ("hostunknown", [
            #"host (is )?unknown"#, #"unknown host"#, #"host not found"#, #"host or domain name not found"#, #"domain not found"#,
            #"no such domain"#, #"domain (name )?does ?n[o\']t exist"#, #"unknown domain"#, #"domain name not found"#,
            #"nxdomain"#, #"unrouteable (mail )?domain"#, #"unrouteable address"#, #"domain (is )?(invalid|unknown)"#,
            #"invalid domain"#, #"non-?existent domain"#, #"no such host"#, #"host name lookup failure"#,
            #"couldn'?t find (a mail exchanger|any host)"#, #"bad destination system"#, #"could not be resolved"#,
            #"unresolvable"#, #"domain .{0,40}(is not|isn\'t) (registered|valid)"#,
            #"recipient domain .{0,30}(does not exist|not found|invalid)"#,
        ]),
        ("userunknown", [
            #"user(name)? (is )?unknown"#, #"unknown (user|recipient|mailbox|address|local|account|alias|e-?mail)"#,
            #"recipient (is )?unknown"#, #"address (is )?unknown"#, #"mailbox (is )?unknown"#, #"addressee unknown"#,
            #"no such (user|mailbox|recipient|address|person|account|local|alias|e-?mail)"#,
            #"(user|recipient|mailbox|address|account|e-?mail|addressee)[^.;()]{0,40}(does ?n[o\']t|not) exist"#,
            #"(does ?n[o\']t|does not|not) have an? .{0,30}account"#,
            #"(user|recipient|mailbox|address|account)[^.;]{0,30}not (found|known|recogni[sz]ed|listed|valid|registered)"#,
            #"not (a )?(valid|known|registered|local) (user|recipient|mailbox|address|account)"#,
            #"invalid (user|recipient|mailbox|address|account|e-?mail)"#,
            #"is not a valid (user|recipient|mailbox|address|account)"#, #"not listed in"#, #"no mail ?box"#, #"no account"#,
            #"mail ?box (is )?(unavailable|not available|not found|invalid)"#, #"no one (at|by) th"#,
            #"bad (destination )?(mailbox|recipient|address)"#, #"unknown or illegal alias"#, #"not our customer"#,
            #"no valid recipients"#, #"recipient not found"#, #"recipient address rejected"#, #"address rejected"#,
            #"user not found"#, #"unknown in .{0,40}table"#, #"account (is )?(invalid|not found)"#, #"recipientnotfound"#,
            #"recipnotfound"#, #"address lookup failed"#, #"destination addresses were unknown"#, #"user doesn.?t exist"#,
            #"name is not recogni[sz]ed"#, #"not a valid mailbox"#, #"utilisateur inconnu"#, #"destinataire (inconnu|invalide)"#,
            #"adresse (destinataire )?invalide"#, #"benutzer unbekannt"#, #"unbekannte?r? (empf|benutzer|adresse)"#,
            #"existiert nicht"#, #"usuario (desconocido|no existe)"#, #"no existe"#, #"utente (sconosciuto|inesistente)"#,
            #"nessun utente"#, #"не существует"#, #"несуществующ"#, #"пользователь не найден"#, #"存在しない"#, #"宛先不明"#,
        ]),
    ])

    /// Tier 4: a disabled or inactive mailbox (hard only with an x.1.1, x.1.10 or x.1.3 status).
    static let suspend = PhraseTier([
        ("suspend", [
           
            #"(account|mail ?box|user|address|recipient)[^.;]{0,30}\b(disabled|suspended|deactivated|inactive|not active|locked|frozen|closed)"#,
            #"\bsuspended\b"#, #"\bdeactivated\b"#, #"\binactive\b"#, #"no longer active"#, #"(account|mailbox) (has )?expired"#,
        ]),
    ])
}
