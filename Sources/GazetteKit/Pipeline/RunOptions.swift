import Foundation

/// Flags of `gazette run`.
public struct RunOptions: Sendable {
    /// Everything but delivery and state changes.
    public var dryRun = false
    /// Run this edition id instead of today's.
    public var edition: String?
    /// Send again even though the edition is complete (the old journal is kept aside).
    public var force = false
    /// Send only to these addresses.
    public var only: [String] = []
    /// The clock (tests move it).
    public var now = Date()
    /// Go on although `seen.json` is missing while earlier editions were sent.
    public var resetSeen = false
    /// Set by the signal handler: stop handing out messages, finish, record and report.
    public var interruption: Interruption?

    public init(dryRun: Bool = false, edition: String? = nil, force: Bool = false, only: [String] = [], now: Date = Date(),
                resetSeen: Bool = false, interruption: Interruption? = nil) {
        self.dryRun = dryRun
        self.edition = edition
        self.force = force
        self.only = only
        self.now = now
        self.resetSeen = resetSeen
        self.interruption = interruption
    }
}
