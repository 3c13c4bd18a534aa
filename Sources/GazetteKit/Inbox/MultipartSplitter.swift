/// The body parts of a multipart (DESIGN.md step 1.4).
enum MultipartSplitter {
    /// The parts between lines that start with `--boundary` (a line `--boundary--` ends the
    /// last one; text before the first delimiter is skipped); empty when the boundary never occurs.
    static func parts(of body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        guard !boundary.isEmpty else { return [] }
        let delimiter = [0x2D, 0x2D] + boundary
        var chunks: [ArraySlice<UInt8>] = []
        var current: (range: Range<Int>, lines: Int)?  // the lines of the open part so far
        var seen = false
        for range in InboxBytes.lines(body) {
            let line = body[range]
            if InboxBytes.hasPrefix(line, delimiter) {
                seen = true
                if let open = current { chunks.append(body[open.range]) }
                let rest = InboxBytes.stripped(line.dropFirst(delimiter.count))
                current = InboxBytes.hasPrefix(rest, [0x2D, 0x2D]) ? nil : (range.upperBound..<range.upperBound, 0)
                continue
            }
            if let open = current {
                current = ((open.lines == 0 ? range.lowerBound : open.range.lowerBound)..<range.upperBound, open.lines + 1)
            }
        }
        if let open = current { chunks.append(body[open.range]) }
        return seen ? chunks : []
    }

    /// The boundary of the first body line `--TOKEN` (six or more characters, nothing after),
    /// a trailing `--` removed: for a multipart whose declared boundary is missing or wrong.
    static func firstDelimiterToken(in body: ArraySlice<UInt8>) -> [UInt8]? {
        for range in InboxBytes.lines(body) {
            guard let token = delimiterToken(body[range]) else { continue }
            return token.count >= 2 && token.suffix(2).elementsEqual([0x2D, 0x2D]) ? Array(token.dropLast(2)) : token
        }
        return nil
    }

    /// `^--([^\s]{6,})\s*$` on one line: the token, or nil.
    static func delimiterToken(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        guard InboxBytes.hasPrefix(line, [0x2D, 0x2D]) else { return nil }
        let rest = line.dropFirst(2)
        var end = rest.startIndex
        while end < rest.endIndex, !InboxBytes.isSpace(rest[end]) { end += 1 }
        guard end - rest.startIndex >= 6, rest[end...].allSatisfy(InboxBytes.isSpace) else { return nil }
        return Array(rest[rest.startIndex..<end])
    }
}
