import Foundation

/// A fixed set of short ASCII words (at most 16 bytes), each with a small bit set, looked up by
/// bytes without building strings: a word packs into a 128-bit key found by open addressing.
/// Extraction reads every element's tag name and class words; this keeps that to a few
/// instructions per word.
struct WordTable: Sendable {
    private let keys: [UInt128]
    private let values: [UInt16]
    private let bits: Int

    /// Words listed more than once get the union of their values.
    init(_ entries: [(word: String, value: UInt16)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        bits = size.trailingZeroBitCount
        var keys = [UInt128](repeating: 0, count: size), values = [UInt16](repeating: 0, count: size)
        for entry in entries {
            var word = WordKey()
            for byte in entry.word.utf8 { word.append(byte) }
            guard let key = word.key else { preconditionFailure("WordTable words have 1 to 16 bytes: \(entry.word)") }
            var slot = Self.slot(key, bits: bits)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] |= entry.value
        }
        self.keys = keys
        self.values = values
    }

    /// The value of a word's key; 0 when the word is not in the table.
    func value(_ key: UInt128) -> UInt16 {
        var slot = Self.slot(key, bits: bits)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// The value of a word given as bytes, ASCII letters lower-cased; 0 when it is not listed.
    func value(of bytes: some Sequence<UInt8>) -> UInt16 {
        var word = WordKey()
        for byte in bytes {
            word.append(byte.asciiLowercased)
            guard word.count <= 16 else { return 0 }
        }
        return word.key.map(value) ?? 0
    }

    /// The value of a NUL-terminated name, such as a libxml2 tag or attribute name.
    func value(cString: UnsafePointer<UInt8>) -> UInt16 {
        value(of: UnsafeBufferPointer(start: cString, count: strlen(cString)))
    }

    private static func slot(_ key: UInt128, bits: Int) -> Int {
        let folded = UInt64(truncatingIfNeeded: key) ^ (UInt64(truncatingIfNeeded: key >> 64) &* 0x9E37_79B9_7F4A_7C15)
        return Int(truncatingIfNeeded: (folded &* 0xBF58_476D_1CE4_E5B9) >> UInt64(64 - bits))
    }
}

/// A word read byte by byte, packed little-endian into 128 bits.
struct WordKey {
    private(set) var packed: UInt128 = 0
    private(set) var count = 0

    mutating func append(_ byte: UInt8) {
        if count < 16 { packed |= UInt128(byte) << (8 * count) }
        count += 1
    }

    /// The key, or nil when the word is empty or longer than 16 bytes (no table word then).
    var key: UInt128? { count > 0 && count <= 16 ? packed : nil }

    /// The key of this word directly followed by `next`, when both together fit.
    func key(joinedWith next: WordKey) -> UInt128? {
        count > 0 && next.count > 0 && count + next.count <= 16 ? packed | (next.packed << (8 * count)) : nil
    }
}
