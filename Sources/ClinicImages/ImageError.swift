/// Why an image could not be used. `description` is a plain-language message for the clinic
/// owner, to follow the file's path.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not an image in any format ClinicSite knows (e.g. a text file named `.jpg`).
    case notAnImage
    /// An image or document format ClinicSite does not publish as a photo; the format's name,
    /// e.g. "SVG", "PDF".
    case unsupported(String)
    /// The file starts as an image but is damaged or cut short; libvips's reason, one line.
    case corrupt(String)
    /// The header declares more pixels than the limit (a decompression bomb, or a photo far
    /// larger than a web page needs).
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The variant asked for cannot be made (a width of 0, a quality of 101).
    case invalidVariant(String)
    /// libvips is not installed (or not the version ClinicSite was built for); the reason,
    /// e.g. "libvips could not be loaded (libvips.so.42: cannot open shared object file);
    /// install libvips42".
    case unavailable(String)
    /// libvips failed for another reason (out of memory, an encoder error); its reason.
    case failed(String)

    /// The message for the clinic owner.
    public var description: String {
        switch self {
        case .notAnImage:
            "not an image (its bytes are not JPEG, PNG, WebP, GIF, TIFF or HEIC)"
        case .unsupported(let format):
            "a \(format) file, which ClinicSite does not publish as a photo; save it as JPEG, PNG, WebP or HEIC"
        case .corrupt(let reason):
            "the file is damaged or cut short: \(reason)"
        case .tooManyPixels(let width, let height, let limit):
            "declares \(width) × \(height) pixels, more than the limit of \(ImageError.megapixels(limit)) megapixels; resize it before adding it"
        case .invalidVariant(let reason):
            reason
        case .unavailable(let reason):
            reason
        case .failed(let reason):
            "libvips could not process it: \(reason)"
        }
    }

    private static func megapixels(_ pixels: Int) -> String {
        if pixels % 1_000_000 == 0 { return String(pixels / 1_000_000) }
        let tenths = (pixels + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
