import Foundation
@testable import GazetteKit

/// `Tests/Servers/http_server.py` on 127.0.0.1 and a free port, one per test.
/// It exits when this object closes its standard input (in `deinit`, or if the test process dies).
final class HTTPTestServer: @unchecked Sendable {
    private let server: TestServerProcess
    var port: Int { server.port }

    /// Serves `/file/...` from `root` (default: `Tests/Fixtures`); `http10` answers as HTTP/1.0.
    init(root: URL = TestPaths.fixtures, http10: Bool = false) throws {
        server = try TestServerProcess(script: "http_server.py", ["--root", root.path] + (http10 ? ["--http10"] : []))
    }

    /// A URL on this server; `host` may be `localhost` to count as a second host.
    func url(_ path: String, host: String = "127.0.0.1") -> String { "http://\(host):\(port)\(path)" }

    /// What the server saw so far (see the script's docstring).
    func stats() throws -> [String: Any] {
        var options = FetchOptions()
        options.retry.maxAttempts = 1
        guard let data = Fetcher(options: options).fetchBlocking([url("/stats")])[0].response?.body else {
            throw TestServerError(message: "test server stats unavailable")
        }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func requestHeaders(for path: String) throws -> [String: String] {
        let headers = try stats()["headers"] as? [String: [String: String]] ?? [:]
        return headers[path] ?? [:]
    }
}
