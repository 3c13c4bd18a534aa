import Foundation

/// The one byte scanner over HTML and XML text: finding bytes and words, reading tag names and
/// start-tag attributes the way an HTML tokenizer reads them (values quoted or not). It only reads;
/// the pruner, the feed preparer, the page decoder and the fragment checks build on it.
struct MarkupScanner {
    let s: UnsafeBufferPointer<UInt8>
    var n: Int { s.count }

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        s = bytes
    }

    subscript(index: Int) -> UInt8 { s[index] }

    func isSpace(_ byte: UInt8) -> Bool { byte.isASCIISpace }
    func isLetter(_ byte: UInt8) -> Bool { byte.isASCIILetter }

    /// A tag name runs to whitespace, `/` or `>`.
    func tagNameEnd(from j: Int) -> Int {
        var k = j
        while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">") { k += 1 }
        return k
    }

    /// Whether the bytes in `range` spell `lowercase` (ASCII letters in any case).
    func equalsLowercased(_ range: Range<Int>, _ lowercase: [UInt8]) -> Bool {
        guard range.count == lowercase.count else { return false }
        var k = 0
        for i in range {
            let byte = s[i]
            if byte.asciiLowercased != lowercase[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `byte` occurs in `range`.
    func index(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let hit = memchr(s.baseAddress! + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(s.baseAddress!)
    }

    /// memchr: the next `byte` at or after `start`.
    func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < n, let hit = memchr(s.baseAddress! + start, Int32(byte), n - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(s.baseAddress!)
    }

    /// Whether `bytes` (ASCII; letters lower-case when `caseInsensitive`) occur at `i`.
    func starts(with bytes: [UInt8], at i: Int, caseInsensitive: Bool = false) -> Bool {
        guard i + bytes.count <= n else { return false }
        for k in 0..<bytes.count {
            let byte = s[i + k]
            if byte != bytes[k], !caseInsensitive || byte.asciiLowercased != bytes[k] { return false }
        }
        return true
    }

    /// The first place at or after `start` where `bytes` occur (see `starts(with:at:caseInsensitive:)`).
    func find(_ bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        if caseInsensitive, bytes[0].isASCIILetter {
            var i = start
            while i + bytes.count <= n {
                if s[i].asciiLowercased == bytes[0], starts(with: bytes, at: i, caseInsensitive: true) { return i }
                i += 1
            }
            return nil
        }
        var i = start
        while let hit = index(of: bytes[0], from: i) {
            if starts(with: bytes, at: hit, caseInsensitive: caseInsensitive) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Runs `body` with a scanner over the bytes of `slice`, whose indices start at 0.
    static func over<Result>(_ slice: ArraySlice<UInt8>, _ body: (MarkupScanner) -> Result) -> Result {
        slice.withUnsafeBufferPointer { body(MarkupScanner($0)) }
    }

    /// The next attribute of a start tag from `j` on, if any before its end.
    func nextAttribute(from j: Int) -> (name: Range<Int>, value: Range<Int>?, end: Int)? {
        var j = j
        while j < n, isSpace(s[j]) || s[j] == UInt8(ascii: "/") { j += 1 }
        guard j < n, s[j] != UInt8(ascii: ">") else { return nil }
        return attribute(at: j)
    }

    /// The attribute starting at `j`: its name's range, its value's range (without quotes) and the
    /// index after it.
    func attribute(at j: Int) -> (name: Range<Int>, value: Range<Int>?, end: Int)? {
        var k = j + 1  // a name may start with `=`
        while k < n, !isSpace(s[k]), s[k] != UInt8(ascii: "/"), s[k] != UInt8(ascii: ">"), s[k] != UInt8(ascii: "=") { k += 1 }
        let name = j..<k
        var v = k
        while v < n, isSpace(s[v]) { v += 1 }
        guard v < n, s[v] == UInt8(ascii: "=") else { return (name, nil, k) }
        v += 1
        while v < n, isSpace(s[v]) { v += 1 }
        guard v < n else { return nil }
        if s[v] == UInt8(ascii: "\"") || s[v] == UInt8(ascii: "'") {
            guard let close = index(of: s[v], from: v + 1) else { return nil }
            return (name, (v + 1)..<close, close + 1)
        }
        let valueStart = v
        while v < n, !isSpace(s[v]), s[v] != UInt8(ascii: ">") { v += 1 }
        return (name, valueStart..<v, v)
    }

    /// The index after the `>` of a start tag whose name ends at `j`, reading attribute values.
    func startTagEnd(from j: Int) -> Int? {
        var j = j
        while let attribute = nextAttribute(from: j) { j = attribute.end }
        return tagClose(after: j)?.end
    }

    /// The `>` ending a start tag whose last attribute ends at `j`: the index after it, and whether
    /// a `/` stands right before it (`<br/>`). Nil when the tag does not end there.
    func tagClose(after j: Int) -> (end: Int, selfClosing: Bool)? {
        var k = j
        while k < n, isSpace(s[k]) || s[k] == UInt8(ascii: "/") { k += 1 }
        guard k < n, s[k] == UInt8(ascii: ">") else { return nil }
        return (k + 1, k > j && s[k - 1] == UInt8(ascii: "/"))
    }

}
