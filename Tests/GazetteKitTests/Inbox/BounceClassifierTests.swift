import Foundation
import Testing
@testable import GazetteKit

/// The classifier on its own, over messages written for these tests in the shapes MTAs,
/// providers and feedback loops send (Tests/Fixtures/inbox/messages).
@Suite struct BounceClassifierTests {
    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestPaths.fixture("inbox/messages/\(name)")))
    }

    private func findings(_ name: String) throws -> [BounceFinding] {
        BounceClassifier.classify(InboxMessage(bytes: try bytes(name)))
    }

    @Test(arguments: [
        ("postfix-userunknown.eml", "alice@rcpt.test", "5.1.1"),
        ("qmail-nomailbox.eml", "gina@rcpt.test", nil),
        ("o365-recipnotfound.eml", "erin@rcpt.test", nil),
        ("office365-html-ndr.eml", "reader@example.org", nil),
        ("exchange2003-notreached.eml", "reader@example.org", nil),
        ("sendmail-hostunknown.eml", "hank@nonexistent.test", "5.1.2"),
        ("exim-unrouteable.eml", "dave@no-such-domain.test", nil),
        ("qp-userunknown.eml", "reader@example.org", nil),
        ("cr-only.eml", "olivia@rcpt.test", nil),
        ("ses-json-bounce.eml", "reader@example.org", nil),
    ] as [(String, String, String?)])
    func anAddressThatDoesNotExistIsHardWhateverTheMTA(file: String, recipient: String, status: String?) throws {
        let found = try findings(file)
        #expect(found.map(\.recipient) == [recipient])
        #expect(found.first?.kind == .hard)
        if let status { #expect(found.first?.status == status) }
    }

    /// 5.7.1 "blocked" / "spam", a full or disabled mailbox, a delay: the address exists, and a
    /// hard bounce here would remove a reader.
    @Test(arguments: [
        ("blocked-as-spam-571.eml", "reader@example.org"),
        ("postfix-blocked-511.eml", "bob@rcpt.test"),
        ("exim-quota.eml", "carol@rcpt.test"),
        ("gmail-inactive-52x.eml", "frank@gmail.test"),
        ("delayed.eml", "ivy@rcpt.test"),
        ("base64-mailboxfull.eml", "lecteur@example.fr"),
        ("iso2022jp-mailboxfull.eml", "sato@example.jp"),
        ("ses-json-transient.eml", "Full.Reader@example.org"),
    ])
    func whatSaysNothingAgainstTheAddressIsSoft(file: String, recipient: String) throws {
        let found = try findings(file)
        #expect(found.map(\.recipient) == [recipient])
        #expect(found.first?.kind == .soft)
    }

    @Test func onlyTheFailedRecipientOfAMixedDSNIsReported() throws {
        let found = try findings("dsn-delivered-and-failed.eml")
        #expect(found.map(\.recipient) == ["nobody@example.org"])
        #expect(found.first?.kind == .hard)
    }

    @Test func feedbackReportsAreComplaints() throws {
        #expect(try findings("arf.eml").map(\.recipient) == ["kate@isp.test"])
        #expect(try findings("arf.eml").first?.kind == .complaint)
        // the address hidden by the provider: the original RCPT TO of the report names it
        #expect(try findings("arf-original-rcpt-to.eml").map(\.recipient) == ["subscriber@example.org"])
        #expect(try findings("arf-original-rcpt-to.eml").first?.kind == .complaint)
    }

    @Test func repliesAndDeliveryNoticesChangeNothing() throws {
        #expect(try findings("vacation.eml").map(\.kind) == [.ignore])
        #expect(try findings("delivered.eml").isEmpty)
        #expect(try findings("human-reply.eml").isEmpty)
    }

    @Test func lineEndsDoNotChangeTheVerdict() throws {
        var crlf: [UInt8] = []
        for byte in try bytes("postfix-userunknown.eml") where byte != 0x0D {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        #expect(BounceClassifier.classify(InboxMessage(bytes: crlf)) == (try findings("postfix-userunknown.eml")))
    }

    @Test func brokenInputGivesNoFindingsAndNoCrash() throws {
        let dsn = try bytes("postfix-userunknown.eml")
        let garbage = (0..<65_536).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }  // binary, fixed
        let unclosed = Array("Content-Type: multipart/report; boundary=\"X\"\n\n--X\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822;".utf8)
        for input in [[], garbage, unclosed, Array(repeating: 0x0A, count: 100_000), Array(repeating: 0x2D, count: 100_000)] {
            #expect(BounceClassifier.classify(InboxMessage(bytes: input)).isEmpty)
        }
        // a DSN cut off before its report: whatever the notice text still says, never a recipient without an address
        let cut = BounceClassifier.classify(InboxMessage(bytes: Array(dsn.prefix(dsn.count / 3))))
        #expect(cut.allSatisfy { $0.recipient.contains("@") })
    }

    @Test func batchCommandPrintsOneLinePerFileInNameOrder() throws {
        let folder = TestPaths.fixture("inbox/messages")
        let result = try GazetteProcess.run(["inbox", "classify", "--batch", folder.path, "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(lines.count == names.count)
        for (line, name) in zip(lines, names) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["file"] as? String == name)
            #expect(object["results"] is [[String: Any]])
        }
        #expect(lines.contains { $0.contains("\"file\":\"postfix-userunknown.eml\"") && $0.contains("\"kind\":\"hard\"") })
    }

    /// The literal pre-filter only skips patterns that cannot match: with it off, every verdict is the same.
    @Test func thePatternPrefilterChangesNoVerdict() throws {
        let folder = TestPaths.fixture("inbox/messages").path
        let with = try GazetteProcess.run(["inbox", "classify", "--batch", folder])
        let without = try GazetteProcess.run(["inbox", "classify", "--batch", folder], environment: ["GAZETTE_INBOX_PREFILTER": "off"])
        #expect(with.status == 0 && without.status == 0)
        #expect(with.stdout.split(separator: "\n").count == 24)
        #expect(with.stdout == without.stdout)
    }

    @Test func aFileThatCannotBeReadIsReportedAndTheOthersStillClassified() throws {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a-folder.eml"), withIntermediateDirectories: true)
        let dsn = TestPaths.fixture("inbox/messages/postfix-userunknown.eml").path
        let result = try GazetteProcess.run(["inbox", "classify", folder.appendingPathComponent("a-folder.eml").path, dsn])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a-folder.eml: cannot be read"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"results\":[]") == true)
        #expect(lines.last?.contains("alice@rcpt.test") == true)
    }
}
