extension PhraseTables {
    /// Tier 1: reasons that explain why an existing address refused the mail. They win over
    /// everything, so "550 5.1.1 ... over quota" or "5.1.1 ... too many recipients this hour" is
    /// never hard ("when in doubt, say soft").
    static let softFirst = PhraseTier([
        ("mailererror", [
            #"^x-unix;"#, #"pipe to \|"#, #"command output"#, #"mailer error"#, #"procmail"#,
            #"local delivery (program|agent) failed"#,
        ]),
        ("networkerror", [
            #"host not found, try again"#, #"name server reply"#, #"temporary (dns|lookup|failure in name)"#, #"servfail"#,
            #"dns (lookup|query) (timed out|temporarily)"#, #"try again later.{0,20}dns"#,
        ]),
        ("mailboxfull", [
            #"mail ?box (is )?full"#, #"mail ?box.{0,30}\bfull\b"#, #"\bover ?quota\b"#, #"quota (exceeded|exceed|full)"#,
            #"exceed(ed|s)? (the |his |her |their |its )?(storage|quota|mailbox)"#, #"mail ?box size limit"#,
            #"mail ?folder is full"#, #"(mail)?box is full"#, #"full mail ?box"#, #"insufficient (disk )?space"#,
            #"not enough (storage|disk )?space"#, #"storage (space )?(limit|quota)"#, #"user has exceeded"#,
            #"too many messages in (this|the|his|her)? ?mail ?box"#, #"mailbox has exceeded"#, #"mail quota"#, #"disk quota"#,
            #"user is over"#, #"\bquota\b.{0,30}\b(exceeded|reached|full)"#, #"bo[iî]te (aux lettres )?(pleine|satur)"#,
            #"postfach (ist )?voll"#, #"buz[oó]n (est[aá] )?lleno"#, #"casella (piena|è piena)"#, #"ящик переполнен"#,
            #"メールボックスが(一杯|いっぱい|満杯)"#, #"容量(超過|オーバー)"#,
        ]),
        ("mesgtoobig", [
            #"message (is )?too (big|large)"#, #"message size (exceeds|too)"#,
            #"exceeds? (the )?(maximum )?(allowed )?(message )?size"#, #"size limit exceeded"#, #"message length exceeds"#,
            #"too large for"#, #"message file too big"#, #"size exceeds"#,
        ]),
        ("toomanyconn", [
            #"too many (connections|concurrent|recipients|messages|sessions|e-?mails|mails)"#, #"rate[ -]?limit"#,
            #"sent to too many"#, #"connection limit"#, #"throttl"#, #"too much mail"#,
            #"exceeded (the )?(maximum )?(number|rate)"#,
        ]),
        ("norelaying", [
            #"relay(ing)? (access )?(denied|not permitted|prohibited|not allowed)"#, #"unable to relay"#,
            #"not permitted to relay"#, #"we do not relay"#, #"no relaying"#, #"relay not permitted"#, #"not allowed to relay"#,
            #"can'?t relay"#, #"relaying denied"#,
        ]),
        ("virusdetected", [
            #"\bvirus"#, #"malware"#, #"\binfected\b"#,
        ]),
        ("filtered", [
            #"recipient.{0,20}preferences"#, #"(rejected|refused) by (the )?recipient(?! domain| server| system| host)"#,
            #"user reject"#, #"refuses? to (receive|accept)"#, #"only accepting mail from"#, #"not accepted by the recipient"#,
        ]),
        ("spamdetected", [
            #"\bspam\b"#, #"\bspam(my|mer|ming|-?like)\b"#, #"unsolicited"#, #"bulk (e-?)?mail"#, #"\bjunk\b"#,
            #"looks like spam"#, #"considered (as )?(spam|bulk)"#, #"content (was )?rejected"#,
            #"message (content )?rejected (as|due to)"#,
        ]),
        ("blocked", [
            #"\bblock(ed|list|listed)\b"#, #"black ?list"#, #"\brbl\b"#, #"dnsbl"#, #"spamhaus"#, #"spamcop"#, #"\bsorbs\b"#,
            #"reputation"#, #"client host .{0,80}(rejected|refused|blocked|denied)"#, #"your (ip|host|server|network|domain)\b"#,
            #"\bip (address )?.{0,60}(rejected|refused|denied|not allowed|blocked)"#, #"rejected .{0,40}\bip\b"#, #"\bbanned\b"#,
            #"not allowed to send"#, #"(?<!not )listed (at|in|on|by) "#, #"reverse (dns|lookup|hostname)"#, #"\bptr\b"#,
            #"\brdns\b"#, #"refused to talk"#, #"connection (was )?(rejected|refused) by"#,
            #"access denied.{0,40}(ip|host|network)"#,
        ]),
        ("rejected", [
            #"sender (address )?(rejected|denied|refused|verify|verification|unknown|blocked|invalid|not allowed)"#,
            #"domain of sender"#, #"sender domain"#, #"invalid sender"#, #"bad sender"#, #"unverified sender"#,
            #"envelope sender"#, #"envelope from"#, #"mail from (address )?(rejected|refused|denied)"#,
            #"not authorized to send"#, #"not permitted to post"#, #"permission to post"#, #"\bnot (a )?member\b"#,
            #"return (path|address) .{0,30}(rejected|invalid|unknown)"#,
        ]),
        ("policyviolation", [
            #"\bdmarc\b"#, #"policy (violation|reasons?|rejection|restrictions?)"#, #"violat(es|ed|ion of)"#,
            #"(security|local|content|site|domain|organi[sz]ation|mail|our|administrative) policy"#,
            #"administratively (prohibited|denied)"#, #"prohibited"#,
        ]),
        ("securityerror", [
            #"authentication (is )?required"#, #"must (first )?authenticate"#, #"tls (is )?required"#,
            #"encryption (is )?required"#, #"\bspf\b"#, #"\bdkim\b"#, #"unauthenticated"#, #"authentication fail"#,
            #"certificate"#,
        ]),
    ])
}
