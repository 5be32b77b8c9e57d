/// A 128-bit fingerprint: two XXH64 hashes of the same bytes with different seeds (see
/// `XXHash64` for why XXH64). 128 bits make an accidental collision between two of a site's
/// photos, or two cache entries, negligible (about 10⁻²⁹ for 10,000 images).
public struct ImageHash: Sendable, Hashable, CustomStringConvertible {
    /// The first 64 bits.
    public var high: UInt64
    /// The last 64 bits.
    public var low: UInt64

    /// The fingerprint of `bytes`.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ImageHash($0) }
    }

    /// The fingerprint written as `hex` gives it; nil for anything but 32 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else {
            return nil
        }
        self.high = high
        self.low = low
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        high = XXHash64.hash(bytes, seed: 0)
        low = XXHash64.hash(bytes, seed: ImageHash.secondSeed)
    }

    /// 32 lowercase hex digits.
    public var hex: String { ImageHash.hex(high) + ImageHash.hex(low) }

    /// The first 8 hex digits, for file names: `room.1f3a9c42.960.webp`.
    public var short: String { String(hex.prefix(8)) }

    /// `hex`.
    public var description: String { hex }

    private static let secondSeed: UInt64 = 0x636C_696E_6963_7369  // "clinicsi"

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
