/// Splits a title or lead into terms with case flags (design §3). A term is `#` and the digits of
/// a number (`#2.1`), a lower-cased stemmed word, or a character bigram of a script written
/// without spaces.
enum StoryTokeniser {
    struct Token {
        var term: String
        var flag: CaseFlag
    }

    static func tokens(_ text: String) -> [Token] {
        let s = TextNormaliser.normalise(text)
        var spans: [(start: Int, end: Int, number: Bool)] = []
        var index = 0
        while index < s.count {
            if ScalarClass.isDigit(s[index]) {
                var end = index + 1
                while true {
                    while end < s.count, ScalarClass.isDigit(s[end]) { end += 1 }
                    guard end + 1 < s.count, s[end] == "." || s[end] == ",", ScalarClass.isDigit(s[end + 1]) else { break }
                    end += 1
                }
                spans.append((index, end, true))
                index = end
            } else if ScalarClass.isLetter(s[index]) {
                var end = index + 1
                while end < s.count, ScalarClass.isLetter(s[end]) { end += 1 }
                spans.append((index, end, false))
                index = end
            } else {
                index += 1
            }
        }
        let long = spans.filter { !$0.number && $0.end - $0.start > 3 }
        let capitalised = long.count(where: { CaseMapping.isUpper(s[$0.start]) })
        let caseInformative = !long.isEmpty && 2 * capitalised <= long.count

        var out: [Token] = []
        out.reserveCapacity(spans.count + 4)
        for span in spans {
            let raw = s[span.start..<span.end]
            if span.number {
                var term = "#"
                term.unicodeScalars.append(contentsOf: raw.lazy.filter { $0 != "," })
                out.append(Token(term: term, flag: .unknown))
                continue
            }
            let flag = caseFlag(raw, in: s, start: span.start, caseInformative: caseInformative)
            appendTerms(of: CaseMapping.lowercased(raw), flag: flag, to: &out)
        }
        return out
    }

    /// The flag of a letter token `raw` that starts at `start` in `text`.
    static func caseFlag(_ raw: ArraySlice<Unicode.Scalar>, in text: [Unicode.Scalar], start: Int, caseInformative: Bool) -> CaseFlag {
        let first = raw[raw.startIndex]
        guard CaseMapping.hasCase(first), caseInformative || !(raw.count > 1 && CaseMapping.isAllCaps(raw)) else { return .unknown }
        if CaseMapping.isLower(first) { return caseInformative ? .lowerInformative : .lower }
        guard caseInformative else { return .capital }
        var k = start - 1
        while k >= 0, " \t\"'(`[".unicodeScalars.contains(text[k]) { k -= 1 }
        return k >= 0 && !".!?:;\u{201C}\u{201D}|-\u{2014}\u{2013}\u{2022}".unicodeScalars.contains(text[k]) ? .midSentence : .capital
    }

    /// Splits a lower-cased word into runs of no-space script (bigrams) and other letters
    /// (stop words and one-letter runs dropped, the rest stemmed).
    static func appendTerms(of word: [Unicode.Scalar], flag: CaseFlag, to out: inout [Token]) {
        var start = 0
        while start < word.count {
            let noSpace = ScalarClass.isNoSpaceScript(word[start])
            var end = start + 1
            while end < word.count, ScalarClass.isNoSpaceScript(word[end]) == noSpace { end += 1 }
            let run = word[start..<end]
            if noSpace {
                if run.count == 1 {
                    out.append(Token(term: String(Character(run[start])), flag: .unknown))
                } else {
                    for k in start..<(end - 1) {
                        var pair = ""
                        pair.unicodeScalars.append(word[k])
                        pair.unicodeScalars.append(word[k + 1])
                        out.append(Token(term: pair, flag: .unknown))
                    }
                }
            } else if run.count >= 2 {
                if run.allSatisfy({ $0.isASCII }) {
                    var bytes = run.map { UInt8($0.value) }
                    if !StopWords.contains(bytes) {
                        Stemmer.stem(&bytes)
                        out.append(Token(term: String(decoding: bytes, as: UTF8.self), flag: flag))
                    }
                } else {
                    var text = ""
                    text.unicodeScalars.append(contentsOf: run)
                    out.append(Token(term: text, flag: flag))  // stop words and stemming are ASCII only
                }
            }
            start = end
        }
    }
}
