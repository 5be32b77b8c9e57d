/// One encoded output.
public struct EncodedImage: Sendable, Hashable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// The encoding of `bytes`.
    public var format: ImageFormat
    /// The file's contents, without any metadata.
    public var bytes: [UInt8]

    /// An encoded image.
    public init(width: Int, height: Int, format: ImageFormat, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
    }
}
