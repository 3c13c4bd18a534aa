/// FNV-1a, 64 bit: a hash that is the same in every process and on every run
/// (Swift's `Hasher` is seeded per process), for file names and identities.
enum StableHash {
    static func fnv1a64(_ text: String) -> UInt64 { fnv1a64(bytes: text.utf8) }

    static func fnv1a64<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    static func hex(_ text: String) -> String { hex(bytes: text.utf8) }

    /// The hash of raw bytes (a message that need not be UTF-8) as 16 lower-case hex digits.
    static func hex<Bytes: Sequence<UInt8>>(bytes: Bytes) -> String {
        let value = String(fnv1a64(bytes: bytes), radix: 16)
        return String(repeating: "0", count: 16 - value.count) + value
    }
}
