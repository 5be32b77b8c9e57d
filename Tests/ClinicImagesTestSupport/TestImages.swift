import CVipsTestSupport
import Foundation

/// Test images made with libvips (see CVipsTestSupport), and what an output's pixels are.
public enum TestImages {
    /// A photo-like image with a white square over its top-left fifth, saved with libvips'
    /// `suffix` (".jpg[Q=90]", ".png", ".heic[compression=hevc]", ...).
    public static func make(width: Int, height: Int, alpha: Bool = false, seed: Int = 1, suffix: String = ".jpg[Q=90,strip]") throws -> [UInt8] {
        var bytes: UnsafeMutableRawPointer? = nil
        var length = 0
        guard cvts_make_image(Int32(width), Int32(height), alpha ? 1 : 0, Int32(seed), suffix, &bytes, &length) == 0,
            let bytes else {
            throw Failure("cannot make a \(suffix) test image: \(String(cString: cvts_error()))")
        }
        defer { cvts_free(bytes) }
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// A flat grey image with one subject: a `side` × `side` square at (`left`, `top`) of
    /// seeded high-contrast noise in red, saved with libvips' `suffix` (lossless by default).
    /// Its ``Measure/redness`` is the share of the picture the subject covers, times about 140.
    public static func subject(width: Int, height: Int, left: Int, top: Int, side: Int, seed: Int, suffix: String = ".png") throws -> [UInt8] {
        var bytes: UnsafeMutableRawPointer? = nil
        var length = 0
        guard cvts_make_subject(Int32(width), Int32(height), Int32(left), Int32(top), Int32(side), Int32(seed), suffix, &bytes, &length) == 0,
            let bytes else {
            throw Failure("cannot make a \(suffix) test image with a subject: \(String(cString: cvts_error()))")
        }
        defer { cvts_free(bytes) }
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// A GIF of `frames` frames: the first grey, the others black.
    public static func animatedGIF(width: Int, height: Int, frames: Int) throws -> [UInt8] {
        var bytes: UnsafeMutableRawPointer? = nil
        var length = 0
        guard cvts_make_animated_gif(Int32(width), Int32(height), Int32(frames), &bytes, &length) == 0, let bytes else {
            throw Failure("cannot make a GIF: \(String(cString: cvts_error()))")
        }
        defer { cvts_free(bytes) }
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// What an encoded image decodes to.
    public struct Measure {
        public var width: Int
        public var height: Int
        public var bands: Int
        /// The mean of each band over the rectangle measured.
        public var mean: [Double]
        /// The standard deviation of each band over the rectangle measured.
        public var deviation: [Double]
        /// The mean over the colour bands.
        public var brightness: Double { mean.prefix(3).reduce(0, +) / Double(min(3, mean.count)) }
        /// How much redder than green the rectangle is on average: 0 for greys.
        public var redness: Double { mean.count >= 3 ? mean[0] - mean[1] : 0 }
        /// The standard deviation over the colour bands: 0 for a flat colour.
        public var contrast: Double { deviation.prefix(3).reduce(0, +) / Double(min(3, deviation.count)) }
    }

    /// Decodes `bytes` and measures the rectangle given as fractions of its size.
    public static func measure(_ bytes: [UInt8], left: Double = 0, top: Double = 0, width: Double = 1, height: Double = 1) throws -> Measure {
        var size = (0, 0, 0)
        var mean = [Double](repeating: 0, count: 8)
        var deviation = [Double](repeating: 0, count: 8)
        var whole = (Int32(0), Int32(0), Int32(0))
        guard cvts_measure(bytes, bytes.count, 0, 0, 1, 1, &whole.0, &whole.1, &whole.2, &mean, &deviation) == 0 else {
            throw Failure("cannot decode an output: \(String(cString: cvts_error()))")
        }
        size = (Int(whole.0), Int(whole.1), Int(whole.2))
        let rectangle = (
            Int32(Double(size.0) * left), Int32(Double(size.1) * top),
            Int32(max(1, Double(size.0) * width)), Int32(max(1, Double(size.1) * height)))
        guard cvts_measure(bytes, bytes.count, rectangle.0, rectangle.1, rectangle.2, rectangle.3,
                           &whole.0, &whole.1, &whole.2, &mean, &deviation) == 0 else {
            throw Failure("cannot measure an output: \(String(cString: cvts_error()))")
        }
        return Measure(width: size.0, height: size.1, bands: size.2, mean: Array(mean.prefix(size.2)),
                       deviation: Array(deviation.prefix(size.2)))
    }

    /// What a file's first bytes say it is: "webp", "jpeg", "png", or "other" (a test's
    /// message then names a format, not thousands of bytes).
    public static func format(of bytes: [UInt8]) -> String {
        if bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && bytes[8..<12].elementsEqual(Array("WEBP".utf8)) { return "webp" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        return "other"
    }

    public static var canSaveHEIC: Bool { cvts_can_save_heic() != 0 }

    /// Why a HEIC test fails where libvips cannot save HEIC: the tests need it, as CI has it.
    public static let cannotSaveHEIC = "libvips here cannot save HEIC (no heifsave operation: libheif without an HEVC encoder), "
        + "so the HEIC tests cannot make a test photo; install libvips-dev, which brings libheif1 with libx265 (Debian 12), as CI does"

    /// A PNG of a few hundred bytes whose header declares `width` × `height` pixels, with a
    /// cut-short zlib stream of zeros: a decompression bomb, as far as its header goes.
    public static func bombPNG(width: UInt32, height: UInt32) -> [UInt8] {
        var header: [UInt8] = []
        for value in [width, height] { header += bigEndian(value) }
        header += [8, 2, 0, 0, 0]  // 8-bit RGB, deflate, no filter, no interlace
        let zeros: [UInt8] = [0x78, 0x9C] + [UInt8](repeating: 0, count: 200)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zeros) + chunk("IEND", [])
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    public static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    public static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The process's resident memory in bytes (VmRSS), or nil off Linux.
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}

/// A test setup that failed.
public struct Failure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
