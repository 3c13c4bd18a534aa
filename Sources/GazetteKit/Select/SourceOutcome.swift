/// What one source gave: its candidates, or the error that stopped it.
struct SourceOutcome: Sendable {
    var source: SourceConfig
    var candidates: [Candidate]
    var error: SourceError?
    /// Transfer and parse time, seconds.
    var elapsed: Double
}
