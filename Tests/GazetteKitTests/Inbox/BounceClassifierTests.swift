import Foundation
import XCTest
@testable import GazetteKit

/// The classifier on its own, over messages written for these tests in the shapes MTAs,
/// providers and feedback loops send (Tests/Fixtures/inbox/messages).
final class BounceClassifierTests: XCTestCase {
    private func findings(_ name: String) throws -> [BounceFinding] {
        let data = try Data(contentsOf: TestPaths.fixture("inbox/messages/\(name)"))
        return BounceClassifier.classify(InboxMessage(bytes: [UInt8](data)))
    }

    private func assertOne(_ name: String, _ recipient: String, _ kind: BounceKind, status: String? = nil,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try findings(name)
        XCTAssertEqual(found.map(\.recipient), [recipient], name, file: file, line: line)
        XCTAssertEqual(found.first?.kind, kind, name, file: file, line: line)
        if let status { XCTAssertEqual(found.first?.status, status, name, file: file, line: line) }
    }

    func testAnAddressThatDoesNotExistIsHardWhateverTheMTA() throws {
        try assertOne("postfix-userunknown.eml", "alice@rcpt.test", .hard, status: "5.1.1")
        try assertOne("qmail-nomailbox.eml", "gina@rcpt.test", .hard)
        try assertOne("o365-recipnotfound.eml", "erin@rcpt.test", .hard)
        try assertOne("office365-html-ndr.eml", "reader@example.org", .hard)
        try assertOne("exchange2003-notreached.eml", "reader@example.org", .hard)
        try assertOne("sendmail-hostunknown.eml", "hank@nonexistent.test", .hard, status: "5.1.2")
        try assertOne("exim-unrouteable.eml", "dave@no-such-domain.test", .hard)
    }

    func testAPermanentCodeThatSaysNothingAboutTheAddressIsSoft() throws {
        // 5.7.1 "blocked" / "spam": the address exists; a hard bounce here would remove a reader.
        try assertOne("blocked-as-spam-571.eml", "reader@example.org", .soft, status: "5.7.1")
        try assertOne("postfix-blocked-511.eml", "bob@rcpt.test", .soft, status: "5.7.1")
        try assertOne("exim-quota.eml", "carol@rcpt.test", .soft)
        try assertOne("gmail-inactive-52x.eml", "frank@gmail.test", .soft)
        try assertOne("delayed.eml", "ivy@rcpt.test", .soft)
    }

    func testEncodedNoticesAreDecodedBeforeReading() throws {
        try assertOne("base64-mailboxfull.eml", "lecteur@example.fr", .soft)
        try assertOne("qp-userunknown.eml", "reader@example.org", .hard)
        try assertOne("iso2022jp-mailboxfull.eml", "sato@example.jp", .soft)
    }

    func testOnlyTheFailedRecipientOfAMixedDSNIsReported() throws {
        let found = try findings("dsn-delivered-and-failed.eml")
        XCTAssertEqual(found.map(\.recipient), ["nobody@example.org"])
        XCTAssertEqual(found.first?.kind, .hard)
    }

    func testFeedbackReportsAreComplaints() throws {
        try assertOne("arf.eml", "kate@isp.test", .complaint)
        // the address hidden by the provider: the original RCPT TO of the report names it
        try assertOne("arf-original-rcpt-to.eml", "subscriber@example.org", .complaint)
    }

    func testAmazonSESNotificationsAreRead() throws {
        try assertOne("ses-json-bounce.eml", "reader@example.org", .hard)
        try assertOne("ses-json-transient.eml", "Full.Reader@example.org", .soft)
    }

    func testRepliesAndDeliveryNoticesChangeNothing() throws {
        try assertOne("vacation.eml", "liam@rcpt.test", .ignore)
        XCTAssertEqual(try findings("delivered.eml"), [])
        XCTAssertEqual(try findings("human-reply.eml"), [])
    }

    func testLineEndsDoNotChangeTheVerdict() throws {
        try assertOne("cr-only.eml", "olivia@rcpt.test", .hard)
        let lf = try Data(contentsOf: TestPaths.fixture("inbox/messages/postfix-userunknown.eml"))
        var crlf: [UInt8] = []
        for byte in lf where byte != 0x0D {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        XCTAssertEqual(BounceClassifier.classify(InboxMessage(bytes: crlf)), try findings("postfix-userunknown.eml"))
    }

    func testBrokenInputGivesNoFindingsAndNoCrash() throws {
        let dsn = [UInt8](try Data(contentsOf: TestPaths.fixture("inbox/messages/postfix-userunknown.eml")))
        let garbage = (0..<65_536).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }  // binary, fixed
        let unclosed = Array("Content-Type: multipart/report; boundary=\"X\"\n\n--X\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822;".utf8)
        for input in [[], garbage, unclosed, Array(dsn.prefix(dsn.count / 3)), Array(repeating: 0x0A, count: 100_000)] {
            let found = BounceClassifier.classify(InboxMessage(bytes: input))
            XCTAssertTrue(found.allSatisfy { $0.kind != .hard || $0.recipient.contains("@") })
        }
        XCTAssertEqual(BounceClassifier.classify(InboxMessage(bytes: garbage)), [])
    }

    func testBatchCommandPrintsOneLinePerFileInNameOrder() throws {
        let result = try GazetteProcess.run(["inbox", "classify", "--batch", TestPaths.fixture("inbox/messages").path, "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("inbox/messages").path).sorted()
        XCTAssertEqual(lines.count, names.count)
        for (line, name) in zip(lines, names) {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(object["file"] as? String, name)
            XCTAssertNotNil(object["results"] as? [[String: Any]])
        }
        XCTAssertTrue(lines.contains { $0.contains("\"file\":\"postfix-userunknown.eml\"") && $0.contains("\"kind\":\"hard\"") })
    }
}
