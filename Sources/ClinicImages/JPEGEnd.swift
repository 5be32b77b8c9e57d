#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a JPEG's data runs to its end marker. libjpeg treats a file that stops early as a
/// warning and fills the rest of the picture with grey; failing on every libjpeg warning
/// would also refuse photos that display everywhere (extra bytes before a marker, say), so a
/// cut-short JPEG is found here instead: walk the segments, skip each scan's entropy-coded
/// data, and see whether the end-of-image marker comes before the bytes run out.
enum JPEGEnd {
    enum Finding: Equatable {
        case reachesEnd
        case cutShort
        /// The structure is not what the walk expects; libvips decides.
        case unclear
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding {
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
                return .reachesEnd
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
}
