import Foundation
import Testing
@testable import GazetteKit

/// The pages in a real browser: Debian's chromium and chromedriver driven by python3-selenium
/// (`scripts/setup.sh --tests` installs them). Screenshots go to `$GAZETTE_SCREENSHOTS` when set
/// (`scripts/screenshot.sh` sets it to `docs/`), else to a temp folder.
@Suite(.serialized) struct ServeBrowserTests {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/selenium")

    func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try PythonScript.run(TestPaths.repository.appendingPathComponent("Tests/Browser/serve_flow.py"), arguments)
    }

    @Test(.enabled(if: available, "chromium, chromium-driver and python3-selenium are not installed (scripts/setup.sh --tests installs them)"))
    func aReaderSubscribesConfirmsChangesPreferencesAndUnsubscribesInABrowser() throws {
        let fixture = try ServeFixture()
        let port = try fixture.start()
        let base = "http://127.0.0.1:\(port)"
        let shots = try ProcessInfo.processInfo.environment["GAZETTE_SCREENSHOTS"] ?? TestPaths.temporaryDirectory().path
        let subscribed = try script(["subscribe", base, fixture.outbox.path, shots])
        #expect(subscribed.status == 0 && subscribed.output.hasSuffix("ok\n"), "\(subscribed.output)")
        let reader = try #require(try fixture.list().first { $0.email == "browser.reader@example.org" })
        #expect(reader.status == .active && reader.sections == ["Science"] && reader.format == .text)

        let tokens = fixture.tokens
        let managed = try script(["manage", base, "/preferences?token=\(tokens.token(for: reader.id, purpose: .preferences))",
                                  "/unsubscribe?token=\(tokens.token(for: reader.id))", shots])
        #expect(managed.status == 0 && managed.output.hasSuffix("ok\n"), "\(managed.output)")
        let after = try #require(try fixture.list().first { $0.id == reader.id })
        #expect(after.status == .active)  // unsubscribed, then back by the page's button
        #expect(after.format == .html && Set(after.sections) == ["Science", "News"])
        for name in ["serve-subscribe-desktop.png", "serve-subscribe-phone.png", "serve-unsubscribe-desktop.png", "serve-unsubscribe-phone.png"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: shots).appendingPathComponent(name))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
        }
    }
}
