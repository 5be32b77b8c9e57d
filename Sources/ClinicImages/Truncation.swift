#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a JPEG, PNG or GIF stops before its picture does. Their decoders treat a file cut
/// short as a warning and fill the rest with grey; failing on every decoder warning would
/// also refuse photos that display everywhere (a JPEG with extra bytes before a marker, a
/// PNG with an incorrect sRGB profile), so the file's structure is walked here instead: to
/// JPEG's end-of-image marker, PNG's IEND chunk, or the end of a GIF's first frame.
/// (libvips itself refuses a WebP, TIFF or HEIC cut short.)
enum Truncation {
    enum Finding: Equatable {
        case whole
        case cutShort
        /// The structure is not what the walk expects; libvips decides.
        case unclear
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>, format: String) -> Finding {
        switch format {
        case "jpeg": jpeg(bytes)
        case "png": png(bytes)
        case "gif": gif(bytes)
        default: .unclear
        }
    }

    /// Walks the segments, skipping each scan's entropy-coded data, to the EOI marker.
    private static func jpeg(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        guard let base = bytes.baseAddress, bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return .unclear }
        let count = bytes.count
        var offset = 2
        while offset + 1 < count {
            guard bytes[offset] == 0xFF else { return .unclear }
            var marker = bytes[offset + 1]
            while marker == 0xFF {
                offset += 1
                guard offset + 1 < count else { return .cutShort }
                marker = bytes[offset + 1]
            }
            offset += 2
            switch marker {
            case 0xD9:
                return .whole
            case 0x01, 0xD0...0xD7:
                continue
            default:
                guard offset + 1 < count else { return .cutShort }
                let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
                guard length >= 2 else { return .unclear }
                offset += length
                if marker == 0xDA {
                    guard let next = nextMarker(base, count, from: offset) else { return .cutShort }
                    offset = next
                }
            }
        }
        return .cutShort
    }

    /// The offset of the first marker after entropy-coded data starting at `start`: an 0xFF
    /// not followed by a stuffed 0x00, a restart marker or another 0xFF.
    private static func nextMarker(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int? {
        var offset = start
        while offset < count {
            guard let found = memchr(base + offset, 0xFF, count - offset) else { return nil }
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard position + 1 < count else { return nil }
            let following = base[position + 1]
            if following == 0x00 || following == 0xFF || (0xD0...0xD7).contains(following) {
                offset = position + 1
                continue
            }
            return position
        }
        return nil
    }

    /// Walks the chunks by their lengths to IEND.
    private static func png(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = (bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7])
            if type == (0x49, 0x45, 0x4E, 0x44) { return .whole }  // IEND
            offset += 12 + length
        }
        return .cutShort
    }

    /// Walks the blocks to the end of the first image's data.
    private static func gif(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        let count = bytes.count
        guard count >= 13 else { return .cutShort }
        var offset = 13 + colourTableSize(bytes[10])
        while offset < count {
            switch bytes[offset] {
            case 0x21:  // extension: label, then sub-blocks
                offset += 2
                guard let end = endOfSubBlocks(bytes, from: offset) else { return .cutShort }
                offset = end
            case 0x2C:  // image: descriptor, local colour table, LZW code size, sub-blocks
                guard offset + 10 <= count else { return .cutShort }
                offset += 10 + colourTableSize(bytes[offset + 9]) + 1
                return endOfSubBlocks(bytes, from: offset) == nil ? .cutShort : .whole
            default:
                return .unclear
            }
        }
        return .cutShort
    }

    private static func colourTableSize(_ flags: UInt8) -> Int {
        flags & 0x80 == 0 ? 0 : 3 << (Int(flags & 0x07) + 1)
    }

    /// The offset after the zero-length block that ends a run of sub-blocks.
    private static func endOfSubBlocks(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var offset = start
        while offset < bytes.count {
            let size = Int(bytes[offset])
            offset += 1
            if size == 0 { return offset }
            offset += size
        }
        return nil
    }
}
