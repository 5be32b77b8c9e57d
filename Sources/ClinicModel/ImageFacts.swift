import ClinicBase
import ClinicImages

/// What ClinicSite knows of one version of a photo without decoding it: its fingerprint,
/// its header, and the size of each file made of it.
public struct ImageFacts: Sendable, Equatable {
    /// The fingerprint of the file's bytes (part of every output's cache key and name).
    public var hash: ImageHash
    /// Width and height as shown (after the EXIF orientation), transparency, format.
    public var info: ImageInfo
    /// The size of the file each variant makes.
    public var sizes: [ImageVariant: ImageSize]
    /// The file's size in bytes.
    public var fileSize: Int

    /// Facts.
    public init(hash: ImageHash, info: ImageInfo, sizes: [ImageVariant: ImageSize], fileSize: Int) {
        self.hash = hash
        self.info = info
        self.sizes = sizes
        self.fileSize = fileSize
    }
}
