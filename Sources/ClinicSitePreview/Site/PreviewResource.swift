import Foundation
import Hummingbird

/// What a request path names in the preview: a folder, or a file with the exact bytes to send.
///
/// It is both the file identifier and the attributes of ``PreviewFileProvider``: the bytes are
/// taken once, when the path is looked up, so a rebuild in the middle of a response can never
/// mix two builds (or send a `Content-Length` that does not match the body).
public struct PreviewResource: Sendable, FileMiddlewareFileAttributes {
    /// The path names a folder.
    public let isFolder: Bool
    /// The bytes to send (empty for a folder).
    public let bytes: [UInt8]
    /// When these bytes last changed; the `ETag` and `Last-Modified` come from it and the size.
    public let modificationDate: Date

    /// The number of bytes sent.
    public var size: Int { bytes.count }

    /// A folder.
    static func folder(modified: Date) -> PreviewResource {
        PreviewResource(isFolder: true, bytes: [], modificationDate: modified)
    }

    /// A file.
    static func file(_ bytes: [UInt8], modified: Date) -> PreviewResource {
        PreviewResource(isFolder: false, bytes: bytes, modificationDate: modified)
    }
}
