import Dispatch
import Foundation
import GazetteKit

/// SIGINT and SIGTERM during a run: the first asks the run to stop handing out messages and
/// finish (journal, summary, exit 130 or 143); a second one ends the process at once.
enum SignalTrap {
    /// Installs the handlers and returns what they set. Keep the returned sources alive.
    static func install(_ interruption: Interruption) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if interruption.request(signal: number) {
                    Diagnostics.note("gazette: \(Interruption.name(of: number)): finishing the messages in flight; press again to stop at once")
                } else {
                    _exit(Interruption.exitCode(for: number))
                }
            }
            source.resume()
            return source
        }
    }
}
