import Foundation
import GazetteKit

/// Loads a page named on the command line: a local file, or a URL through the `Fetcher`.
enum PageLoader {
    struct LoadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The page's bytes, its URL and the HTTP charset, if any.
    static func load(_ source: String, fetcher: Fetcher = Fetcher()) async throws -> (Data, String?, String?) {
        if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("file://") {
            let result = await fetcher.fetch([source])[0]
            switch result.outcome {
            case .success(let response): return (response.body, response.finalURL, response.charset)
            case .failure(let error): throw LoadError(description: error.description)
            }
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw LoadError(description: "\(source): cannot be read")
        }
        return (data, nil, nil)
    }
}
