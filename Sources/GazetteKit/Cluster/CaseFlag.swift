/// How a word was written where it occurred (design §3); the batch lexicons count these.
enum CaseFlag: UInt8, Sendable {
    /// No case, or ALL CAPS in a headline-style text.
    case unknown
    /// Capitalised mid-sentence in case-informative text ("N").
    case midSentence
    /// Capitalised elsewhere ("C").
    case capital
    /// Lower case in case-informative text ("L").
    case lowerInformative
    /// Lower case in text that is not case-informative ("l").
    case lower
}
