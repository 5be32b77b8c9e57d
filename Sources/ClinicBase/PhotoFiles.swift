/// The files ClinicSite treats as photos: published only as resized copies without their
/// metadata (see ClinicImages), never copied as they are. Known by their extension; what
/// their bytes really are is for ClinicImages to say.
package enum PhotoFiles {
    /// Raster image extensions, lowercase: what ClinicImages reads (JPEG, PNG, WebP, GIF,
    /// TIFF, HEIC/HEIF, AVIF) and BMP, which it refuses with a reason rather than copy.
    package static let extensions: Set<String> = [
        "jpg", "jpeg", "jpe", "jfif", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif", "bmp",
    ]

    /// True when the file named by `path` is a photo by its extension (any letter case).
    package static func isPhoto(_ path: String) -> Bool {
        extensions.contains(Path.fileExtension(of: path))
    }
}
