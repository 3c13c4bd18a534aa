import CCurl

/// A libcurl multi handle: runs many easy handles at once on the calling thread.
/// Owned by one `TransferEngine`; every easy handle still attached is detached in `deinit`.
final class MultiHandle {
    let raw: UnsafeMutableRawPointer
    private var attached: [UnsafeMutableRawPointer: EasyHandle] = [:]

    init(maxConnections: Int, maxPerHost: Int) {
        _ = Curl.globalInit
        raw = curl_multi_init()
        ccurl_multi_setopt_long(raw, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxConnections)
        ccurl_multi_setopt_long(raw, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
    }

    deinit {
        for easy in attached.keys { curl_multi_remove_handle(raw, easy) }
        curl_multi_cleanup(raw)
    }

    var count: Int { attached.count }

    func add(_ easy: EasyHandle) {
        attached[easy.raw] = easy
        curl_multi_add_handle(raw, easy.raw)
    }

    /// Drives transfers, waits up to `timeoutMs` for activity, and returns the handles that finished.
    func run(timeoutMs: Int) -> [(EasyHandle, CURLcode)] {
        var running: Int32 = 0
        curl_multi_perform(raw, &running)
        var done = collectFinished()
        if done.isEmpty {
            curl_multi_poll(raw, nil, 0, Int32(timeoutMs), nil)
            curl_multi_perform(raw, &running)
            done = collectFinished()
        }
        return done
    }

    private func collectFinished() -> [(EasyHandle, CURLcode)] {
        var finished: [(EasyHandle, CURLcode)] = []
        var left: Int32 = 0
        while let message = curl_multi_info_read(raw, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easyRaw = message.pointee.easy_handle,
                  let easy = attached.removeValue(forKey: easyRaw) else { continue }
            let code = ccurl_msg_result(message)
            curl_multi_remove_handle(raw, easyRaw)
            finished.append((easy, code))
        }
        return finished
    }
}

@available(*, unavailable)
extension MultiHandle: Sendable {}
