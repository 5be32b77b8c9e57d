/// What the header says, read without decoding the pixels.
public struct ImageInfo: Sendable, Hashable {
    /// Width as displayed: after the EXIF orientation is applied.
    public var width: Int
    /// Height as displayed: after the EXIF orientation is applied.
    public var height: Int
    /// Whether the image has an alpha channel (publish PNG rather than JPEG).
    public var hasAlpha: Bool
    /// The loader's name: "jpeg", "png", "webp", "gif", "tiff" or "heif".
    public var format: String

    /// Header facts.
    public init(width: Int, height: Int, hasAlpha: Bool, format: String) {
        self.width = width
        self.height = height
        self.hasAlpha = hasAlpha
        self.format = format
    }
}
