import Foundation
import Testing
@testable import GazetteKit

/// The sample digest in a real browser (chromium + chromedriver via selenium): at 375 and 600 px,
/// with its style block removed (as some Gmail apps do) and with it, light and dark, no horizontal
/// overflow and every headline, lead and link shown. Screenshots go to `$GAZETTE_SCREENSHOTS`
/// when set (`scripts/screenshot.sh` sets it to `docs/`).
@Suite struct DigestBrowserTests {
    @Test(.enabled(if: ServeBrowserTests.available, "chromium, chromium-driver and python3-selenium are not installed (scripts/setup.sh --tests installs them)"))
    func theDigestFitsPhonesAndDesktopsWithAndWithoutItsStyleBlock() throws {
        let folder = try TestPaths.temporaryDirectory()
        let file = folder.appendingPathComponent("digest.html")
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        try #require(rendered.html).write(to: file, atomically: true, encoding: .utf8)
        let shots = ProcessInfo.processInfo.environment["GAZETTE_SCREENSHOTS"] ?? folder.path
        let (status, output) = try PythonScript.run(TestPaths.repository.appendingPathComponent("Tests/Browser/digest_layout.py"), [file.path, shots])
        #expect(status == 0 && output.hasSuffix("ok (1 pictures)\n"), "\(output)")
        for name in ["digest-phone-nostyle.png", "digest-desktop-nostyle.png", "digest-phone.png", "digest-phone-dark.png",
                     "digest-desktop.png", "digest-desktop-dark.png"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: shots).appendingPathComponent(name))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
        }
    }
}
