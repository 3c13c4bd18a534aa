import Foundation
import Testing
@testable import GazetteKit

@Suite struct TemplateSetTests {
    @Test func aBrokenTemplateIsReportedWithFileLineAndColumn() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("item.html.mustache").path
        try "<tr>\n<td>{{headline}}</td>\n<td>{{#lead}}{{.}}{{/leed}}</td>\n</tr>\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            _ = try TemplateSet(overrides: directory.path)
        } throws: { error in
            guard case let RenderError.template(file, line, column, message)? = error as? RenderError else { return false }
            return file == path && line == 3 && column > 1 && message.contains("section")
        }
    }

    @Test func anUnclosedTagNamesItsLine() throws {
        #expect(throws: RenderError.self) {
            _ = try TemplateSet(sources: ["digest.html": (text: "a\nb {{title\n", origin: "x.mustache")])
        }
        do {
            _ = try TemplateSet(sources: ["digest.html": (text: "a\nb {{title\n", origin: "x.mustache")])
        } catch let error as RenderError {
            #expect(error.description == "x.mustache:2:3: template error: tag is not closed")
        }
    }

    @Test func anOverrideReplacesOnlyItsOwnFile() throws {
        let directory = try TestPaths.temporaryDirectory()
        try "{{% CONTENT_TYPE: TEXT}}\nFOOTER for {{subscriber.email}} ({{subscriber.format}})\n".write(
            to: directory.appendingPathComponent("footer.txt.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(overrides: directory.path)
        let rendered = DigestRenderer(digest: SampleDigest.digest, templates: templates).render(for: SampleDigest.recipient)
        #expect(rendered.text.hasSuffix("FOOTER for ada@example.org (html)\n"))
        var text = SampleDigest.recipient
        text.format = .text
        #expect(DigestRenderer(digest: SampleDigest.digest, templates: templates).render(for: text).text.hasSuffix("(text)\n"))
        #expect(rendered.text.hasPrefix("The Morning Gazette\n==="))
        #expect(try #require(rendered.html).contains("Unsubscribe</a>"))
    }

    @Test func theBuiltInTemplatesAreTheFilesInTemplates() throws {
        for name in TemplateSet.names {
            let file = try String(contentsOf: TestPaths.repository.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
            #expect(TemplateSet.builtInText(name) == file, "\(name)")
        }
    }
}
