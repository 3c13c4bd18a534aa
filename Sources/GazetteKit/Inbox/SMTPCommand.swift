/// The SMTP command the remote host was answering when it refused (DESIGN.md J3); the last one
/// named in the text wins.
enum SMTPCommand: String {
    case data = "DATA", rcpt = "RCPT", mail = "MAIL", helo = "HELO"

    private static let pattern = InboxPattern(
        #"(?:in reply to|after|while sending|during|failed on)\s+(?:the\s+)?(end of data|data|rcpt to|rcpt|mail from)\b(?![.@-])"#
            + #"|>>>\s*(data|rcpt to|rcpt|mail from|ehlo|helo)\b|smtp:(rcpt|data|mail)\b|\[(rcpt_to|data|mail_from)\]"#
            + #"|(rcpt to|rcpt|data|mail from) command|does not like (recipient|sender)|smtp command\W{1,10}(data|rcpt|mail)\b"#
            + #"|(?:in reply to|after|during) (?:the )?(?:initial )?(greeting|banner|ehlo|helo)\b|my name was (rejected)"#
            + #"|most progress was (rcpt to|rcpt|data|mail from) response"#,
        case: .asciiFolded)

    static func find(in text: String) -> SMTPCommand? {
        var last: SMTPCommand?
        for match in pattern.allMatches(in: text) {
            guard let word = (1..<match.groupCount).lazy.compactMap({ match.group($0) }).first(where: { !$0.isEmpty })?.lowercased() else {
                continue
            }
            if word == "end of data" || word == "data" {
                last = .data
            } else if word.hasPrefix("rcpt") || word == "recipient" {
                last = .rcpt
            } else if word.hasPrefix("mail") || word == "sender" {
                last = .mail
            } else {
                last = .helo  // greeting, banner, ehlo, helo, "my name was rejected"
            }
        }
        return last
    }
}
