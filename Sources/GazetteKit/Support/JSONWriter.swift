import Foundation

extension JSON {
    /// Writes one line of JSON quickly, for output produced in bulk (`--batch` lines, journal
    /// lines). Keys are written in the order given; `nil` values are left out.
    public struct Writer: Sendable {
        /// The UTF-8 JSON written so far.
        public private(set) var bytes: [UInt8] = []
        /// The JSON text.
        public var output: String { String(decoding: bytes, as: UTF8.self) }
        private var needsComma = [false]

        public init() {}

        /// Opens an object; `key` names it inside an object, nil in an array or at the top.
        public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
        public mutating func endObject() { close(UInt8(ascii: "}")) }
        /// Opens an array; `key` as for `beginObject`.
        public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
        public mutating func endArray() { close(UInt8(ascii: "]")) }

        /// A member, or an array element when `key` is nil; nothing at all when `value` is nil.
        public mutating func string(_ key: String?, _ value: String?) {
            guard let value else { return }
            separator(key)
            JSON.appendQuoted(value, to: &bytes)
        }

        public mutating func int(_ key: String?, _ value: Int?) {
            guard let value else { return }
            separator(key)
            bytes += Array(String(value).utf8)
        }

        public mutating func bool(_ key: String?, _ value: Bool?) {
            guard let value else { return }
            separator(key)
            bytes += Array((value ? "true" : "false").utf8)
        }

        /// Any value, compact.
        public mutating func value(_ key: String?, _ value: JSONValue) {
            separator(key)
            JSON.write(value, style: .compact, indent: 0, to: &bytes)
        }

        private mutating func open(_ key: String?, _ bracket: UInt8) {
            separator(key)
            bytes.append(bracket)
            needsComma.append(false)
        }

        private mutating func close(_ bracket: UInt8) {
            needsComma.removeLast()
            bytes.append(bracket)
        }

        private mutating func separator(_ key: String?) {
            if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
            if let key {
                JSON.appendQuoted(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
            }
        }
    }

    /// How a whole value is laid out.
    enum Style {
        /// One line, no spaces.
        case compact
        /// Two-space indent, keys sorted, `"key": value` (the subscriber file).
        case file
        /// Two-space indent, keys sorted, `"key" : value`, empty containers on two lines: the layout
        /// of Foundation's pretty printer, kept for state files and `--json` written before.
        case document
    }

    /// `value` as text in `style`, with a final newline for the pretty styles.
    static func text(_ value: JSONValue, style: Style) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 12)
        write(value, style: style, indent: 0, to: &out)
        if style != .compact { out.append(0x0A) }
        return out
    }

    static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    /// A newline, the indent, `"key": ` (or `"key" : `).
    static func writeKey(_ key: String, indent: Int, style: Style = .file, to out: inout [UInt8]) {
        if style != .compact { newline(indent, &out) }
        appendQuoted(key, to: &out)
        if style == .document { out.append(0x20) }
        out.append(UInt8(ascii: ":"))
        if style != .compact { out.append(0x20) }
    }

    static func write(_ value: JSONValue, style: Style, indent: Int, to out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number):
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            out += Array(text.utf8)
        case .string(let text): appendQuoted(text, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            if values.isEmpty {
                if style == .document { newline(0, &out); newline(indent, &out) }
            } else {
                for (index, element) in values.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    if style != .compact { newline(indent + 2, &out) }
                    write(element, style: style, indent: indent + 2, to: &out)
                }
                if style != .compact { newline(indent, &out) }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            if fields.isEmpty {
                if style == .document { newline(0, &out); newline(indent, &out) }
            } else {
                for (index, key) in fields.keys.sorted().enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    writeKey(key, indent: indent + 2, style: style, to: &out)
                    write(fields[key]!, style: style, indent: indent + 2, to: &out)
                }
                if style != .compact { newline(indent, &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var plainStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                default:
                    let hex = String(byte, radix: 16)
                    output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                plainStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
