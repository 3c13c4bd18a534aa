import ArgumentParser
import Foundation
import GazetteKit

/// Fetch settings shared by every command that downloads something.
struct FetchOptionGroup: ParsableArguments {
    @Option(help: "Transfers in flight at once.")
    var concurrency: Int = 16

    @Option(help: "Transfers in flight at once to one host.")
    var perHost: Int = 4

    @Option(help: "Seconds allowed to connect.")
    var connectTimeout: Double = 10

    @Option(help: "Seconds allowed for one attempt, body included.")
    var timeout: Double = 30

    @Option(help: "Largest body accepted, in bytes.")
    var maxBytes: Int = 10 * 1024 * 1024

    @Option(help: "Attempts per URL, the first included (1 = no retries).")
    var attempts: Int = 3

    @Option(help: "Directory for the conditional-GET cache (ETag/Last-Modified and bodies).")
    var cache: String?

    @Option(help: "A URL about you or your digest, sent in the User-Agent.")
    var contact: String?

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        guard perHost >= 1 else { throw ValidationError("--per-host must be at least 1.") }
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("Timeouts must be positive numbers of seconds.") }
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive.") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1.") }
    }

    var fetchOptions: FetchOptions {
        var options = FetchOptions()
        options.maxConcurrent = concurrency
        options.maxPerHost = perHost
        options.connectTimeout = connectTimeout
        options.totalTimeout = timeout
        options.maxBodyBytes = maxBytes
        options.retry.maxAttempts = attempts
        options.cacheDirectory = cache.map { URL(fileURLWithPath: $0) }
        options.contactURL = contact
        return options
    }
}
