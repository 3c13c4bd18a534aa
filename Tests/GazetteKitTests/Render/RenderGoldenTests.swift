import Foundation
import Testing
@testable import GazetteKit

@Suite struct RenderGoldenTests {
    @Test func htmlPartMatchesTheGoldenFile() throws {
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        try GoldenFile.check(try #require(rendered.html), against: "sample.html")
    }

    @Test func textPartMatchesTheGoldenFile() throws {
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: try TemplateSet()).render(for: SampleDigest.recipient)
        try GoldenFile.check(rendered.text, against: "sample.txt")
    }
}
