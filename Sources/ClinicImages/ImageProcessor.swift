import ClinicBase
import CVipsShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads, resizes and encodes photos with libvips. libvips is opened the first time a photo
/// is read, probed or encoded (`setUp`), not when the program starts: most builds decode no
/// image.
public enum ImageProcessor {
    /// The default pixel limit: 100 megapixels.
    public static let defaultPixelLimit = 100_000_000

    /// Threads libvips uses within one image, 1 unless set. The site build encodes one image
    /// per core at a time, and libvips' decoders and encoders run on one thread each, so more
    /// threads per image only add switching; a caller encoding one image at a time may set
    /// the number of cores. Applies to the whole process.
    /// 1 when libvips cannot be loaded.
    public static var threadsPerImage: Int {
        get {
            guard case .success = started else { return 1 }
            return Int(clinic_vips_concurrency())
        }
        set {
            guard case .success = started else { return }
            clinic_vips_set_concurrency(Int32(max(1, newValue)))
        }
    }

    /// Whether libvips runs its run-time compiled (Orc) loops: never once set up, because
    /// liborc 0.4.33 can corrupt its code memory when two threads resize at once (a build
    /// then spins forever); false when libvips cannot be loaded.
    public static var usesOrc: Bool {
        guard case .success = started else { return false }
        return clinic_vips_vectors() != 0
    }

    /// Reads the header only (no pixel decode) and checks the pixel limit, so a decompression
    /// bomb (a small PNG declaring 50,000 × 50,000) is refused before any pixel is allocated.
    public static func probe(_ bytes: [UInt8], pixelLimit: Int = defaultPixelLimit) throws(ImageError) -> ImageInfo {
        try withBuffer(bytes) { buffer throws(ImageError) in try probe(buffer, pixelLimit: pixelLimit) }
    }

    /// Decodes with shrink-on-load (vips_thumbnail_buffer), autorotates by the EXIF
    /// orientation, converts to sRGB, crops as asked, strips every metadata item and encodes;
    /// the outputs are in the order of `variants`. Deterministic: the same bytes and variant
    /// give the same output bytes, whatever other variants are asked for with it, every run,
    /// on any number of threads.
    public static func encode(
        _ bytes: [UInt8], variants: [ImageVariant], pixelLimit: Int = defaultPixelLimit
    ) throws(ImageError) -> [EncodedImage] {
        if let problem = variants.lazy.compactMap(\.problem).first { throw .invalidVariant(problem) }
        return try withBuffer(bytes) { buffer throws(ImageError) in
            try encoder(buffer, pixelLimit: pixelLimit).encode(variants)
        }
    }

    /// What `encode` would make of `bytes`, without decoding a pixel: the header's facts and
    /// the size of each variant's output, in the order of `variants`. Refuses what `encode`
    /// refuses from the header and the file's structure (not an image, a format ClinicSite does
    /// not read, too many pixels, a JPEG, PNG or GIF cut short); damage inside the compressed
    /// data only shows when the pixels are decoded, by `encode`. About a millisecond.
    public static func inspect(
        _ bytes: [UInt8], variants: [ImageVariant], pixelLimit: Int = defaultPixelLimit
    ) throws(ImageError) -> (info: ImageInfo, sizes: [ImageSize]) {
        if let problem = variants.lazy.compactMap(\.problem).first { throw .invalidVariant(problem) }
        return try withBuffer(bytes) { buffer throws(ImageError) in
            let encoder = try encoder(buffer, pixelLimit: pixelLimit)
            return (encoder.info, try encoder.sizes(variants))
        }
    }

    /// The naive pipeline, one vips_thumbnail_buffer per variant, for benchmarks to compare
    /// against `encode`. Its output differs slightly from `encode`'s.
    @_spi(Benchmarks)
    public static func encodeEachVariantAlone(
        _ bytes: [UInt8], variants: [ImageVariant], pixelLimit: Int = defaultPixelLimit
    ) throws(ImageError) -> [EncodedImage] {
        if let problem = variants.lazy.compactMap(\.problem).first { throw .invalidVariant(problem) }
        return try withBuffer(bytes) { buffer throws(ImageError) in
            try encoder(buffer, pixelLimit: pixelLimit).encodeEachAlone(variants)
        }
    }

    /// The libvips version string, e.g. "8.14.1"; loads libvips ("unavailable" when it cannot
    /// be loaded).
    public static var libraryVersion: String {
        guard case .success = started else { return "unavailable" }
        return String(cString: clinic_vips_version())
    }

    /// Which libvips the program uses, for cache keys (`ImageCache.key`, `ImageCatalog`),
    /// found without loading it, so a build whose photos are all cached never loads it: the
    /// file the soname (`libvips.so.42`) names in the folder pkg-config gave for libvips when
    /// the program was built, resolved through its links, with its size and modification
    /// time, e.g. `/usr/lib/x86_64-linux-gnu/libvips.so.42.16.1:2837792:1775453809.000000000`. An
    /// upgrade of libvips replaces that file, so the identity changes with it. When there is
    /// no such file (libvips installed elsewhere), libvips is loaded and its version is the
    /// identity instead.
    public static let libraryIdentity: String = installedLibrary() ?? "version=\(libraryVersion)"

    /// Sets libvips up once per process: dlopen, vips_init, one thread per image, no
    /// operation cache (so nothing grows across a 10,000-page build), and every loader
    /// blocked except JPEG, PNG, WebP, GIF, TIFF and HEIF. Idempotent, thread-safe; `probe`
    /// and `encode` call it. Throws when libvips cannot be loaded or started.
    public static func setUp() throws(ImageError) {
        try started.get()
    }

    private static let started: Result<Void, ImageError> = {
        switch clinic_vips_start(1) {
        case 0: return .success(())
        case -2: return .failure(.unavailable(clinic_vips_problem().map { String(cString: $0) } ?? "libvips could not be loaded"))
        default: return .failure(.failed("libvips did not start: \(Vips.lastError())"))
        }
    }()

    /// `libraryIdentity` from the file, or nil without one.
    private static func installedLibrary() -> String? {
        guard !VipsLibrary.directory.isEmpty else { return nil }
        let path = VipsLibrary.directory + "/" + String(cString: clinic_vips_soname())
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        let file = String(cString: resolved)
        guard let stamp = FileSystem.stamp(atPath: file) else { return nil }
        let nanoseconds = String(stamp.modified % 1_000_000_000)
        let fraction = String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds
        return "\(file):\(stamp.size):\(stamp.modified / 1_000_000_000).\(fraction)"
    }

    private static let readable: Set<String> = ["jpeg", "png", "webp", "gif", "tiff", "heif"]

    /// The encoder for a source that passed the header checks and is not cut short.
    private static func encoder(_ buffer: UnsafeBufferPointer<UInt8>, pixelLimit: Int) throws(ImageError) -> VariantEncoder {
        let info = try header(buffer, pixelLimit: pixelLimit)
        if Truncation.check(buffer, format: info.info.format) == .cutShort {
            throw .corrupt("the \(info.info.format.uppercased()) data stops before the end of the picture")
        }
        return VariantEncoder(source: buffer, info: info.info, orientation: info.orientation)
    }

    private static func probe(_ buffer: UnsafeBufferPointer<UInt8>, pixelLimit: Int) throws(ImageError) -> ImageInfo {
        try header(buffer, pixelLimit: pixelLimit).info
    }

    /// The header's facts, and the EXIF orientation.
    private static func header(_ buffer: UnsafeBufferPointer<UInt8>, pixelLimit: Int) throws(ImageError) -> (info: ImageInfo, orientation: Int) {
        switch ImageSignature(buffer) {
        case .unknown: throw .notAnImage
        case .refused(let name): throw .unsupported(name)
        case .readable: break
        }
        try setUp()
        var header = ClinicVipsHeader()
        guard clinic_vips_read_header(buffer.baseAddress, buffer.count, &header) == 0 else {
            throw .corrupt(Vips.lastError())
        }
        let loader = withUnsafeBytes(of: header.loader) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        let format = loader.hasSuffix("load_buffer") ? String(loader.dropLast("load_buffer".count)) : loader
        guard readable.contains(format) else { throw .unsupported(format.uppercased()) }
        let swapped = (5...8).contains(header.orientation)
        let width = Int(swapped ? header.height : header.width)
        let height = Int(swapped ? header.width : header.height)
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= pixelLimit else {
            throw .tooManyPixels(width: width, height: height, limit: pixelLimit)
        }
        return (ImageInfo(width: width, height: height, hasAlpha: header.has_alpha != 0, format: format), Int(header.orientation))
    }

    /// `bytes` as a buffer for the length of `body`, with `body`'s typed error.
    private static func withBuffer<Result>(
        _ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws(ImageError) -> Result
    ) throws(ImageError) -> Result {
        try bytes.withUnsafeBufferPointer { buffer throws(ImageError) in try body(buffer) }
    }
}
