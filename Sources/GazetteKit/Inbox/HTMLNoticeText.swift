/// Text of an HTML part, line structure kept: scripts and styles dropped, `<br>` and the ends of
/// paragraphs, divisions, table rows, list items and headings made line breaks, other tags
/// removed, the common entities decoded. Line breaks matter here (recipients are found at the
/// start of lines), so this is not `HTMLText.plainText`, which collapses them.
enum HTMLNoticeText {
    private static let hidden = InboxPattern(#"(?is)<(script|style).*?</\1>"#)
    private static let breaks = InboxPattern(#"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>|</h\d>"#)
    private static let tags = InboxPattern(#"<[^>]+>"#)

    static func text(_ html: String) -> String {
        var text = hidden.replacingMatches(in: html, with: " ")
        text = breaks.replacingMatches(in: text, with: "\n")
        text = tags.replacingMatches(in: text, with: " ")
        var bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "&")) {
            for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                bytes = replacing(Array(entity.utf8), with: Array(character.utf8), in: bytes)
            }
        }
        // runs of spaces and tabs become one space
        var out: [UInt8] = []
        var inRun = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 {
                if !inRun { out.append(0x20) }
                inRun = true
            } else {
                out.append(byte)
                inRun = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every non-overlapping `needle`, left to right, replaced.
    private static func replacing(_ needle: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == needle[0], index + needle.count <= bytes.count, bytes[index..<index + needle.count].elementsEqual(needle) {
                out += replacement
                index += needle.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
