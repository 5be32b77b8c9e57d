/// The bytes of one `ImageCache` entry: "CSIMG" and a version byte, width and height
/// (UInt32), the format (UInt8: 0 JPEG, 1 WebP, 2 PNG), the length (UInt64) and the XXH64
/// of the encoded bytes (UInt64), all little-endian, then the encoded bytes.
enum CacheEntry {
    private static let magic: [UInt8] = Array("CSIMG".utf8) + [1]
    private static let headerSize = 6 + 4 + 4 + 1 + 8 + 8
    private static let formats: [ImageFormat] = [.jpeg, .webp, .png]

    static func encode(_ image: EncodedImage) -> [UInt8] {
        var out = magic
        out.reserveCapacity(headerSize + image.bytes.count)
        append(UInt32(image.width), to: &out)
        append(UInt32(image.height), to: &out)
        out.append(UInt8(formats.firstIndex(of: image.format) ?? 0))
        append(UInt64(image.bytes.count), to: &out)
        append(XXHash64.hash(image.bytes), to: &out)
        out.append(contentsOf: image.bytes)
        return out
    }

    /// The entry's image, or nil when the bytes are not a whole, intact entry.
    static func decode(_ data: [UInt8]) -> EncodedImage? {
        guard data.count >= headerSize, data.starts(with: magic) else { return nil }
        let width = Int(read(UInt32.self, data, 6))
        let height = Int(read(UInt32.self, data, 10))
        let formatIndex = Int(data[14])
        let length = read(UInt64.self, data, 15)
        let checksum = read(UInt64.self, data, 23)
        guard formatIndex < formats.count, width > 0, height > 0,
            length == UInt64(data.count - headerSize) else { return nil }
        let bytes = Array(data[headerSize...])
        guard XXHash64.hash(bytes) == checksum else { return nil }
        return EncodedImage(width: width, height: height, format: formats[formatIndex], bytes: bytes)
    }

    private static func append<Value: FixedWidthInteger>(_ value: Value, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func read<Value: FixedWidthInteger>(_ type: Value.Type, _ data: [UInt8], _ offset: Int) -> Value {
        var value: Value = 0
        for index in (0..<MemoryLayout<Value>.size).reversed() {
            value = value << 8 | Value(data[offset + index])
        }
        return value
    }
}
