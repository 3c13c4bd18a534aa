import Foundation
import GazetteKit

/// Extracts every `*.html` page in a directory, one JSON line per file, in name order.
enum ArticleBatch {
    static func run(directory: String, extractor: ArticleExtractor, emit: ([UInt8]) -> Void) throws {
        let names = try OrderedBatch.files(in: directory, suffix: ".html")
        for name in names {
            var json = JSON.Writer()
            json.beginObject()
            json.string("file", name)
            if let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) {
                json.string("text", extractor.extract(data).paragraphs.joined(separator: "\n"))
            } else {
                json.string("error", "cannot be read")
            }
            json.endObject()
            emit(json.bytes + [0x0A])
        }
    }
}
