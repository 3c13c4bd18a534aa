import Foundation

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
        if text.utf8.contains(UInt8(ascii: "&")) {
            for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        }
        // runs of spaces and tabs become one space
        var out: [UInt8] = []
        var inRun = false
        for byte in text.utf8 {
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
}
