import Foundation
import Testing
@testable import GazetteKit

@Suite struct DeliveryControlTests {
    @Test func pastTheDeadlineNothingMoreIsHandedOut() throws {
        let outbox = try TestPaths.temporaryDirectory().path
        let control = DeliveryControl(maxMinutes: 0.03)  // 1.8 s: room for three writes on a loaded machine
        let first = OutboxDelivery(directory: outbox).deliver(DeliveryFixtures.messages(3), observer: nil, control: control)
        #expect(first.count == 3)
        Thread.sleep(forTimeInterval: 1.9)
        let later = OutboxDelivery(directory: outbox).deliver(DeliveryFixtures.messages(3, edition: "test/2026-11-30"), observer: nil, control: control)
        #expect(later.isEmpty)
        guard case .deadline? = control.stopReason else { Issue.record("\(String(describing: control.stopReason))"); return }
        #expect(control.stopReason?.exitCode == 1)
    }

    @Test func aSuccessResetsTheBreakerAndAConfigurationProblemTripsItAtOnce() {
        let control = DeliveryControl(breakerThreshold: 3)
        let temporary = RelayProblem(isConfiguration: false, reason: "421 busy")
        control.connectionFailed(temporary)
        control.connectionFailed(temporary)
        control.connectionSucceeded()
        control.connectionFailed(temporary)
        control.connectionFailed(temporary)
        #expect(!control.isStopped)
        control.connectionFailed(temporary)
        #expect(control.stopReason == .relayUnavailable("3 connection-level failures in a row, the last: 421 busy"))

        let other = DeliveryControl(breakerThreshold: 3)
        other.connectionFailed(RelayProblem(isConfiguration: true, reason: "login refused"))
        #expect(other.stopReason == .relayConfiguration("login refused"))
    }

    @Test func aSignalStopsTheHandOutAndCutsInFlightMessagesAfterTheGrace() {
        let interruption = Interruption()
        let control = DeliveryControl(interruption: interruption, grace: 1.0)  // room for a loaded machine
        #expect(!control.isStopped && !control.abortsInFlight)
        interruption.request(signal: SIGTERM)
        #expect(control.stopReason == .signal(SIGTERM))
        #expect(control.stopReason?.exitCode == 143)
        #expect(!control.abortsInFlight)
        Thread.sleep(forTimeInterval: 1.2)
        #expect(control.abortsInFlight)
    }
}
