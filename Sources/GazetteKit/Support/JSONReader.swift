import Foundation

extension JSON {
    /// A cursor over JSON bytes. Besides whole values, it can stream an object's fields or an
    /// array's elements to a callback, so callers avoid building dictionaries they do not need.
    struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Calls `field` for each key of the object at the cursor, with the cursor on its value;
        /// `field` must consume the value.
        mutating func streamObject(_ field: (String, inout Reader) throws(SyntaxError) -> Void) throws(SyntaxError) {
            try streamObjectRawKeys { (raw, reader) throws(SyntaxError) in try field(try reader.decodeKey(raw), &reader) }
        }

        /// A key's raw bytes as a string, escapes decoded.
        func decodeKey(_ raw: ArraySlice<UInt8>) throws(SyntaxError) -> String {
            guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
            var quoted = Reader(bytes: [UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
            return try quoted.string()
        }

        /// Like `streamObject`, but hands over each key as its raw bytes (escapes left as they are),
        /// so callers can match known keys without building strings.
        mutating func streamObjectRawKeys(_ field: (ArraySlice<UInt8>, inout Reader) throws(SyntaxError) -> Void) throws(SyntaxError) {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw error("expected an object") }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a \"key\"") }
                let start = index + 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                guard end < bytes.count else { throw error("unterminated string") }
                index = end + 1
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
                index += 1
                skipSpace()
                try field(bytes[start..<end], &self)
                skipSpace()
                guard index < bytes.count else { throw error("unexpected end of file in an object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                throw error("expected ',' or '}'")
            }
        }

        /// Calls `element` for each element of the array at the cursor; `element` must consume it.
        mutating func streamArray(_ element: (inout Reader) throws(SyntaxError) -> Void) throws(SyntaxError) {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { throw error("expected an array") }
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipSpace()
                try element(&self)
                skipSpace()
                guard index < bytes.count else { throw error("unexpected end of file in an array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                throw error("expected ',' or ']'")
            }
        }

        /// The raw bytes of the string at the cursor when it has no escapes (the common case), else `nil`
        /// with nothing consumed.
        mutating func plainStringBytes() -> ArraySlice<UInt8>? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
            defer { index = end + 1 }
            return bytes[(index + 1)..<end]
        }

        /// The string at the cursor, or `nil` (consuming nothing) when the value is not a string.
        mutating func stringIfPresent() throws(SyntaxError) -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            return try string()
        }

        /// Skips whitespace and checks that nothing follows.
        mutating func finish() throws(SyntaxError) {
            skipSpace()
            guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
        }

        func error(_ reason: String) -> SyntaxError {
            var line = 1, column = 1
            for byte in bytes[..<min(index, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return SyntaxError(line: line, column: column, reason: reason)
        }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 512 else { throw error("nested too deeply") }
            guard index < bytes.count else { throw error("unexpected end of file") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character '\(Character(UnicodeScalar(bytes[index])))'")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else { throw error("invalid literal") }
            index += count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            var result: [String: JSONValue] = [:]
            try streamObject { (key, reader) throws(SyntaxError) in result[key] = try reader.value(depth: depth + 1) }
            return .object(result)
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            var result: [JSONValue] = []
            try streamArray { (reader) throws(SyntaxError) in result.append(try reader.value(depth: depth + 1)) }
            return .array(result)
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
                index += 1
            }
            guard index < bytes.count else { throw error("unterminated string") }
            if bytes[index] == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            var scalars = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return String(decoding: scalars, as: UTF8.self) }
                if byte < 0x20 { throw error("control character in a string") }
                if byte != UInt8(ascii: "\\") { scalars.append(byte); index += 1; continue }
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars += Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: throw error("invalid escape in a string")
                }
            }
            throw error("unterminated string")
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw error("invalid \\u escape")
            }
            index += 4
            return value
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = index
            while index < bytes.count, (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9"))
                    || bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: ".")
                    || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
            }
            guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw error("invalid number") }
            return value
        }
    }
}
