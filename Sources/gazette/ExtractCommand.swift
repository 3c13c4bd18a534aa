import ArgumentParser
import Foundation
import GazetteKit

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract an article's body, lead and page feed items from an HTML page.",
        discussion: "Prints the body, one paragraph per line (headline not included); --json prints the whole Article."
    )

    @Argument(help: "An HTML file or an http(s)/file URL (with --batch: a directory of *.html files).")
    var source: String

    @Flag(help: "Print the whole Article as JSON.")
    var json = false

    @Flag(help: "Process every *.html in the directory; print one JSON line per file: {\"file\", \"text\"}.")
    var batch = false

    func run() async throws {
        let extractor = ArticleExtractor()
        if batch {
            try ArticleBatch.run(directory: source, extractor: extractor) { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let (data, url, charset) = try await PageLoader.load(source)
        let article = extractor.extract(data, url: url, httpCharset: charset)
        if json {
            print(String(decoding: try JSON.encode(article), as: UTF8.self))
        } else {
            for paragraph in article.paragraphs { print(paragraph) }
        }
    }
}
