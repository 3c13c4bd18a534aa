import Foundation

extension JSON {
    /// A `Codable` value as pretty JSON (`.document` layout, keys sorted, dates as RFC 3339),
    /// with a final newline left out, as state files and `--json` have always been written.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        var out = text(try JSONValue(encoding: value), style: .document)
        out.removeLast()
        return out
    }

    /// A `Codable` value from JSON bytes; dates may be in any form `Timestamp` reads.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        try Value(from: ValueDecoder(value: try parse(bytes: bytes), codingPath: []))
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try decode(type, from: [UInt8](data))
    }
}

extension JSONValue {
    /// The value an `Encodable` encodes to.
    init(encoding value: some Encodable) throws {
        let root = JSON.ValueEncoder.Box()
        try JSON.ValueEncoder(box: root, codingPath: []).encodeValue(value)
        self = root.value ?? .null
    }
}

extension JSON {
    /// Builds a `JSONValue` tree; containers hold boxes filled in as the value encodes itself.
    struct ValueEncoder: Encoder, SingleValueEncodingContainer {
        final class Box {
            var value: JSONValue?
            var fields: [String: Box]?
            var elements: [Box]?

            /// The finished value of this box and the boxes below it.
            var resolved: JSONValue {
                if let fields { return .object(fields.mapValues(\.resolved)) }
                if let elements { return .array(elements.map(\.resolved)) }
                return value ?? .null
            }
        }

        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func encodeValue(_ value: some Encodable) throws {
            switch value {
            case let date as Date: box.value = .string(Timestamp.rfc3339(date))
            case let json as JSONValue: box.value = json
            default:
                try value.encode(to: self)
                if box.fields != nil || box.elements != nil { box.value = box.resolved }
            }
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.fields == nil { box.fields = [:] }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if box.elements == nil { box.elements = [] }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        mutating func encodeNil() throws { box.value = .null }
        mutating func encode(_ value: Bool) throws { box.value = .bool(value) }
        mutating func encode(_ value: String) throws { box.value = .string(value) }
        mutating func encode(_ value: Double) throws { box.value = .number(value) }
        mutating func encode(_ value: Float) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: Int) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: Int8) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: Int16) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: Int32) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: Int64) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: UInt) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: UInt8) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: UInt16) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: UInt32) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: UInt64) throws { box.value = .number(Double(value)) }
        mutating func encode(_ value: some Encodable) throws { try encodeValue(value) }

        struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
            let box: Box
            var codingPath: [any CodingKey]

            private func child(_ key: Key) -> ValueEncoder {
                let child = Box()
                box.fields?[key.stringValue] = child
                return ValueEncoder(box: child, codingPath: codingPath + [key])
            }

            mutating func encodeNil(forKey key: Key) throws { child(key).box.value = .null }
            mutating func encode(_ value: some Encodable, forKey key: Key) throws { try child(key).encodeValue(value) }
            mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
                child(key).container(keyedBy: type)
            }
            mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
            mutating func superEncoder() -> any Encoder { child(Key(stringValue: "super")!) }
            mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
        }

        struct Unkeyed: UnkeyedEncodingContainer {
            let box: Box
            var codingPath: [any CodingKey]
            var count: Int { box.elements?.count ?? 0 }

            private func next() -> ValueEncoder {
                let child = Box()
                box.elements?.append(child)
                return ValueEncoder(box: child, codingPath: codingPath)
            }

            mutating func encodeNil() throws { next().box.value = .null }
            mutating func encode(_ value: some Encodable) throws { try next().encodeValue(value) }
            mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedEncodingContainer<N> {
                next().container(keyedBy: type)
            }
            mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
            mutating func superEncoder() -> any Encoder { next() }
        }
    }

    /// Reads a `Decodable` from a `JSONValue` tree.
    struct ValueDecoder: Decoder, SingleValueDecodingContainer {
        let value: JSONValue
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        private func mismatch(_ expected: String) -> DecodingError {
            .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected)"))
        }

        func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
            if type == Date.self {
                guard case .string(let text) = value, let date = Timestamp.parse(text) else { throw mismatch("a date") }
                return date as! T
            }
            if type == JSONValue.self { return value as! T }
            return try T(from: self)
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let fields) = value else { throw mismatch("an object") }
            return KeyedDecodingContainer(Keyed<Key>(fields: fields, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let elements) = value else { throw mismatch("an array") }
            return Unkeyed(elements: elements, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value == .null }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let flag) = value else { throw mismatch("true or false") }
            return flag
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let text) = value else { throw mismatch("a string") }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double {
            guard case .number(let number) = value else { throw mismatch("a number") }
            return number
        }

        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

        private func integer<T: BinaryInteger>(_ type: T.Type) throws -> T {
            let number = try decode(Double.self)
            guard number.rounded() == number, let exact = T(exactly: number) else { throw mismatch("a whole number") }
            return exact
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }

        struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
            let fields: [String: JSONValue]
            var codingPath: [any CodingKey]
            var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

            func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

            private func child(_ key: Key) throws -> ValueDecoder {
                guard let value = fields[key.stringValue] else {
                    throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no \"\(key.stringValue)\""))
                }
                return ValueDecoder(value: value, codingPath: codingPath + [key])
            }

            func decodeNil(forKey key: Key) throws -> Bool { fields[key.stringValue] == nil || fields[key.stringValue] == .null }
            func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }
            func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
                try child(key).container(keyedBy: type)
            }
            func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
            func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }
            func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
        }

        struct Unkeyed: UnkeyedDecodingContainer {
            let elements: [JSONValue]
            var codingPath: [any CodingKey]
            var currentIndex = 0
            var count: Int? { elements.count }
            var isAtEnd: Bool { currentIndex >= elements.count }

            private mutating func next() throws -> ValueDecoder {
                guard !isAtEnd else {
                    throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array ended"))
                }
                defer { currentIndex += 1 }
                return ValueDecoder(value: elements[currentIndex], codingPath: codingPath)
            }

            mutating func decodeNil() throws -> Bool {
                guard !isAtEnd, elements[currentIndex] == .null else { return false }
                currentIndex += 1
                return true
            }

            mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
            mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
                try next().container(keyedBy: type)
            }
            mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
            mutating func superDecoder() throws -> any Decoder { try next() }
        }
    }
}
