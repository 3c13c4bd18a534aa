/// Content-Transfer-Encoding undone as the prototype does it: loosely, never failing.
enum TransferDecoding {
    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8).enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// Base64: every byte outside the alphabet (padding included) dropped, then whole quads decoded.
    static func base64(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = base64Values[Int(byte)]
            if value != 0xFF { sextets.append(value) }
        }
        let quads = sextets.count / 4
        var out: [UInt8] = []
        out.reserveCapacity(quads * 3)
        for quad in 0..<quads {
            let a = UInt32(sextets[quad * 4]), b = UInt32(sextets[quad * 4 + 1])
            let c = UInt32(sextets[quad * 4 + 2]), d = UInt32(sextets[quad * 4 + 3])
            let word = a << 18 | b << 12 | c << 6 | d
            out.append(UInt8(word >> 16 & 0xFF))
            out.append(UInt8(word >> 8 & 0xFF))
            out.append(UInt8(word & 0xFF))
        }
        return out
    }

    /// Base64 as Python's `binascii.a2b_base64` reads an encoded word: characters outside the
    /// alphabet skipped, input ends at complete padding; nil when bits are left over.
    static func base64Strict(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var quadPosition = 0, pads = 0, leftChar: UInt32 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                pads += 1
                if quadPosition >= 2 && quadPosition + pads >= 4 { return out }
                continue
            }
            let value = base64Values[Int(byte)]
            guard value != 0xFF else { continue }
            switch quadPosition {
            case 0: leftChar = UInt32(value); quadPosition = 1
            case 1: out.append(UInt8((leftChar << 2 | UInt32(value) >> 4) & 0xFF)); leftChar = UInt32(value) & 0x0F; quadPosition = 2
            case 2: out.append(UInt8((leftChar << 4 | UInt32(value) >> 2) & 0xFF)); leftChar = UInt32(value) & 0x03; quadPosition = 3
            default: out.append(UInt8((leftChar << 6 | UInt32(value)) & 0xFF)); quadPosition = 0
            }
        }
        return quadPosition == 0 ? out : nil
    }

    /// Quoted-printable: `=\n` soft breaks removed, then `=XX` decoded; anything else kept.
    static func quotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var joined: [UInt8] = []
        joined.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 1 < input.count, input[index + 1] == 0x0A {
                index += 2
                continue
            }
            joined.append(input[index])
            index += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(joined.count)
        index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
               let high = hexValue(joined[index + 1]), let low = hexValue(joined[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(joined[index])
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
