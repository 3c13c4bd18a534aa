/// A top-level message with no Content-Type whose body is MIME all the same (DESIGN.md step
/// 1.3): one of the first four non-empty lines (of the first twelve) is `--TOKEN`, and a
/// `--TOKEN` line is followed, after blank lines and then a run of non-empty lines, by a
/// `Content-Type:` line.
enum UndeclaredMultipart {
    static func boundary(in body: ArraySlice<UInt8>) -> String? {
        let lines = InboxBytes.lines(body)
        let head = lines.prefix(12).filter { !InboxBytes.stripped(body[$0]).isEmpty }.prefix(4)
        for range in head {
            guard let token = MultipartSplitter.delimiterToken(body[range]) else { continue }
            if hasPartAfterDelimiter(body, lines, token: token) { return InboxBytes.latin1(token) }
        }
        return nil
    }

    /// `^--TOKEN\s*\n(?:.+\n)*?content-type:` (multi-line, case-insensitive) somewhere in the body.
    private static func hasPartAfterDelimiter(_ body: ArraySlice<UInt8>, _ lines: [Range<Int>], token: [UInt8]) -> Bool {
        let delimiter = ([0x2D, 0x2D] + token).map(\.asciiLowercased)
        let contentType = Array("content-type:".utf8)
        for (number, range) in lines.enumerated() where number + 1 < lines.count {
            let line = body[range]
            guard line.count >= delimiter.count, line.prefix(delimiter.count).map(\.asciiLowercased) == delimiter,
                  line.dropFirst(delimiter.count).allSatisfy(InboxBytes.isSpace) else { continue }
            var next = number + 1
            while next < lines.count, body[lines[next]].allSatisfy(InboxBytes.isSpace) {
                if startsWithContentType(body[lines[next]], contentType) { return true }
                next += 1
            }
            while next < lines.count {
                let candidate = body[lines[next]]
                if startsWithContentType(candidate, contentType) { return true }
                // a line can only be skipped if it is not empty and ends with \n
                guard !candidate.isEmpty, next + 1 < lines.count else { break }
                next += 1
            }
        }
        return false
    }

    private static func startsWithContentType(_ line: ArraySlice<UInt8>, _ contentType: [UInt8]) -> Bool {
        line.count >= contentType.count && line.prefix(contentType.count).map(\.asciiLowercased) == contentType
    }
}
