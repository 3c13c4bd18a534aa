import CCurl
import Foundation

/// Runs one batch of URLs through a curl multi handle on the calling thread: starts transfers
/// within the total and per-host caps, collects finished ones, and schedules retries.
/// Single-threaded and single-use; `Fetcher` creates one per batch.
final class TransferEngine {
    private struct Job {
        let url: String
        let hostKey: String
        var attempt = 0
        var notBefore: Double = 0
        var firstStart: Double?
        var cached: (entry: ResponseCache.Entry, body: Data)?
    }

    private let options: FetchOptions
    private let cache: ResponseCache?
    private var jobs: [Job] = []
    private var results: [FetchResult?] = []
    private var waiting: [Int] = []
    private var activePerHost: [String: Int] = [:]

    init(options: FetchOptions) {
        self.options = options
        self.cache = options.cacheDirectory.map { ResponseCache(directory: $0) }
    }

    func run(_ urls: [String]) -> [FetchResult] {
        results = Array(repeating: nil, count: urls.count)
        for (index, url) in urls.enumerated() {
            switch Self.validate(url) {
            case .success(let hostKey):
                jobs.append(Job(url: url, hostKey: hostKey))
                waiting.append(index)
            case .failure(let error):
                jobs.append(Job(url: url, hostKey: ""))
                results[index] = FetchResult(url: url, outcome: .failure(error), attempts: 0, elapsed: 0)
            }
        }
        let multi = MultiHandle(maxConnections: max(1, options.maxConcurrent), maxPerHost: max(1, options.maxPerHost))
        while !waiting.isEmpty || multi.count > 0 {
            startEligible(on: multi)
            let now = Self.now()
            let nextDue = waiting.map { jobs[$0].notBefore }.min()
            if multi.count == 0 {
                if let nextDue, nextDue > now { usleep(useconds_t(min(1, nextDue - now) * 1_000_000)) }
                continue
            }
            let waitMs = nextDue.map { max(0, min(200, Int(($0 - now) * 1000) + 1)) } ?? 200
            for (easy, code) in multi.run(timeoutMs: waitMs) { finish(easy, code: code) }
        }
        return results.map { $0! }
    }

    /// Accepts `http`, `https` and `file` URLs; returns the per-host key (scheme, host, port).
    static func validate(_ url: String) -> Result<String, FetchError> {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased() else {
            return .failure(.invalidURL(url))
        }
        switch scheme {
        case "http", "https":
            guard let host = parsed.host, !host.isEmpty else { return .failure(.invalidURL(url)) }
            return .success("\(scheme)://\(host.lowercased()):\(parsed.port ?? (scheme == "https" ? 443 : 80))")
        case "file":
            return .success("file://")
        default:
            return .failure(.unsupportedScheme(url: url, scheme: scheme))
        }
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private func startEligible(on multi: MultiHandle) {
        let now = Self.now()
        var stillWaiting: [Int] = []
        for index in waiting {
            let job = jobs[index]
            guard multi.count < options.maxConcurrent, job.notBefore <= now,
                  activePerHost[job.hostKey, default: 0] < options.maxPerHost
            else {
                stillWaiting.append(index)
                continue
            }
            start(index, on: multi, now: now)
        }
        waiting = stillWaiting
    }

    private func start(_ index: Int, on multi: MultiHandle, now: Double) {
        jobs[index].attempt += 1
        if jobs[index].firstStart == nil {
            jobs[index].firstStart = now
            if let cache, !jobs[index].hostKey.hasPrefix("file") {
                jobs[index].cached = cache.lookup(jobs[index].url)
            }
        }
        let job = jobs[index]
        let validators = job.cached.map { ResponseCache.validators(for: $0.entry) } ?? []
        guard let easy = EasyHandle(job: index, url: job.url, options: options, extraHeaders: validators) else {
            complete(index, .failure(.transport(url: job.url, code: -1, message: "curl_easy_init failed")), now: now)
            return
        }
        activePerHost[job.hostKey, default: 0] += 1
        multi.add(easy)
    }

    private func complete(_ index: Int, _ outcome: Result<FetchResponse, FetchError>, now: Double) {
        let job = jobs[index]
        results[index] = FetchResult(url: job.url, outcome: outcome, attempts: job.attempt,
                                     elapsed: now - (job.firstStart ?? now))
    }

    private func finish(_ easy: EasyHandle, code: CURLcode) {
        let index = easy.job
        let job = jobs[index]
        activePerHost[job.hostKey, default: 1] -= 1
        let now = Self.now()
        let (outcome, retryable, retryAfter) = interpret(easy, code: code, job: job)
        if retryable,
           let delay = options.retry.delay(afterAttempt: job.attempt, retryAfter: retryAfter,
                                           elapsed: now - (job.firstStart ?? now), random: Double.random(in: 0...1)) {
            jobs[index].notBefore = now + delay
            waiting.append(index)
            return
        }
        if case .success(let response) = outcome, !response.notModified, response.status != 0, !options.cacheReadOnly {
            cache?.store(url: job.url, response: response)
        }
        complete(index, outcome, now: now)
    }

    /// Turns a finished transfer into an outcome, and says whether it may be retried.
    private func interpret(_ easy: EasyHandle, code: CURLcode, job: Job)
        -> (Result<FetchResponse, FetchError>, retryable: Bool, retryAfter: Double?) {
        let url = job.url
        guard code == CURLE_OK else {
            let message = easy.errorMessage(for: code)
            switch code {
            case CURLE_WRITE_ERROR where easy.bodyLimitHit, CURLE_FILESIZE_EXCEEDED:
                return (.failure(.bodyTooLarge(url: url, limit: options.maxBodyBytes)), false, nil)
            case CURLE_TOO_MANY_REDIRECTS:
                return (.failure(.tooManyRedirects(url: url, limit: options.maxRedirects)), false, nil)
            case CURLE_OPERATION_TIMEDOUT:
                // Retry only when no connection was made; a server that drips a body slowly gets no second chance.
                let connected = easy.infoSeconds(CURLINFO_CONNECT_TIME_T) > 0
                return (.failure(.timedOut(url: url, message: message)), !connected, nil)
            case CURLE_COULDNT_CONNECT, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
                return (.failure(.transport(url: url, code: Int(code.rawValue), message: message)), true, nil)
            default:
                return (.failure(.transport(url: url, code: Int(code.rawValue), message: message)), false, nil)
            }
        }
        let status = easy.infoLong(CURLINFO_RESPONSE_CODE)
        let finalURL = easy.infoString(CURLINFO_EFFECTIVE_URL) ?? url
        if status == 304, let cached = job.cached {
            let (type, charset) = HeaderValues.contentType(cached.entry.contentType)
            let response = FetchResponse(status: 304, finalURL: cached.entry.finalURL, headers: easy.headers,
                                         contentType: type, charset: charset, body: cached.body,
                                         notModified: true, timings: easy.timings)
            return (.success(response), false, nil)
        }
        guard status == 0 || (200..<300).contains(status) else {
            let retryAfter = HeaderValues.retryAfter(easy.headers.first { $0.name == "retry-after" }?.value)
            return (.failure(.httpStatus(url: url, status: status)), status == 429 || status >= 500, retryAfter)
        }
        let (type, charset) = HeaderValues.contentType(easy.infoString(CURLINFO_CONTENT_TYPE))
        let response = FetchResponse(status: status, finalURL: finalURL, headers: easy.headers, contentType: type,
                                     charset: charset, body: easy.body, notModified: false, timings: easy.timings)
        return (.success(response), false, nil)
    }
}

@available(*, unavailable)
extension TransferEngine: Sendable {}
