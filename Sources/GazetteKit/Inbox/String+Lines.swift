extension StringProtocol {
    /// The lines split at `\n` only, like Python's `split('\n')`: a `\r` stays at the end of its
    /// line, and a final `\n` gives an empty last line. (Splitting by `Character` would not
    /// split `\r\n`, which Swift reads as one character.)
    var newlineSeparated: [SubSequence] {
        var result: [SubSequence] = []
        var start = startIndex
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            result.append(self[start..<newline])
            start = utf8.index(after: newline)
            index = start
        }
        result.append(self[start...])
        return result
    }
}
