/// What a reader receives: HTML with a plain-text alternative, or plain text only.
public enum MailFormat: String, Sendable, CaseIterable, Codable {
    /// HTML with a plain-text alternative.
    case html
    /// Plain text only.
    case text
}
