extension String {
    /// Leading and trailing whitespace and newlines removed. Much faster on Linux than
    /// Foundation's `trimmingCharacters(in:)`, which goes through `NSString`.
    public var trimmed: String { self[...].trimmed }
}

extension Substring {
    /// Leading and trailing whitespace and newlines removed (Unicode whitespace included).
    public var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isSpace(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
    }
}
