import ArgumentParser
import Foundation
import GazetteKit

/// `--now 2026-11-30T06:00:00Z` (hidden): the run's clock, for tests of day-to-day behaviour.
struct ClockOverride: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = Timestamp.parse(argument) else { return nil }
        self.date = date
    }
}
