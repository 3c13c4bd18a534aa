/// What one source gave: its candidates, or the error that stopped it.
public struct SourceOutcome: Sendable {
    public var source: SourceConfig
    public var candidates: [Candidate]
    public var error: SourceError?
    /// Transfer and parse time, seconds.
    public var elapsed: Double
}
