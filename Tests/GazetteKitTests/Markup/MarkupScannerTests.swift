import Foundation
import Testing
@testable import GazetteKit

/// The one byte scanner over markup.
@Suite struct MarkupScannerTests {
    func scan<T>(_ text: String, _ body: (MarkupScanner) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer { body(MarkupScanner($0)) }
    }

    @Test func readsAttributesQuotedUnquotedAndBareToTheTagEnd() {
        let tag = "<a href=\"x>y\" class=big data-x = 'q' hidden/>rest"
        scan(tag) { s in
            let nameEnd = s.tagNameEnd(from: 1)
            #expect(nameEnd == 2)
            var j = nameEnd
            var read: [(String, String?)] = []
            while let attribute = s.nextAttribute(from: j) {
                read.append((String(decoding: s.s[attribute.name], as: UTF8.self),
                             attribute.value.map { String(decoding: s.s[$0], as: UTF8.self) }))
                j = attribute.end
            }
            #expect(read.map(\.0) == ["href", "class", "data-x", "hidden"])
            #expect(read.map(\.1) == ["x>y", "big", "q", nil])
            let end = s.startTagEnd(from: nameEnd)
            #expect(end.map { String(decoding: s.s[$0...], as: UTF8.self) } == "rest")
            #expect(s.tagClose(after: j)?.selfClosing == true)
        }
    }

    @Test func findsWordsInAnyCase() {
        scan("<META CharSet=utf-8><Script>x</SCRIPT>") { s in
            #expect(s.find(Array("charset=".utf8), from: 0, caseInsensitive: true) == 6)
            #expect(s.find(Array("charset=".utf8), from: 0) == nil)
            #expect(s.find(Array("</script".utf8), from: 0, caseInsensitive: true) == 29)
            #expect(s.equalsLowercased(1..<5, Array("meta".utf8)))
            #expect(!s.equalsLowercased(1..<5, Array("metb".utf8)))
            #expect(s.index(of: UInt8(ascii: ">"), from: 0) == 19)
        }
    }

    @Test func anUnfinishedTagHasNoEnd() {
        scan("<div class=\"open") { s in
            #expect(s.startTagEnd(from: 4) == nil)
        }
    }
}
