import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Processed files kept between builds in `<site>/.clinicsite/cache/images/`, keyed by a hash
/// of the source bytes, the variant and the libvips version, so a build where no image
/// changed decodes no image.
///
/// Each entry is one file, `<key>.cimg`: a header (magic, width, height, format, length,
/// XXH64 of the bytes) and the encoded bytes. An entry that is absent, short, or whose bytes
/// do not match its checksum is a miss. Entries are written to a temporary file and renamed,
/// so a build stopped half-way never leaves a half-written entry under a key.
public final class ImageCache: Sendable {
    /// The folder the entries are in.
    public let folder: String

    /// A cache in `folder`, created on first write.
    public init(folder: String) {
        self.folder = folder
    }

    /// Bump when the pipeline changes what it makes from the same source and variant.
    static let pipelineVersion = 1

    /// The key of `variant` of `source`: 32 hex digits, the `ImageHash` of the source's
    /// fingerprint, the variant's settings, the libvips version and the pipeline's version.
    /// Its first 8 digits are the hash in published file names.
    public static func key(source: [UInt8], variant: ImageVariant) -> String {
        key(sourceHash: ImageHash(source), variant: variant)
    }

    /// The same key from the source's fingerprint, computed once for all of its variants.
    public static func key(sourceHash: ImageHash, variant: ImageVariant) -> String {
        let text = "clinicimages-\(pipelineVersion);source=\(sourceHash.hex);vips=\(ImageProcessor.libraryVersion);\(variant.settings)"
        return ImageHash(Array(text.utf8)).hex
    }

    /// The entry stored under `key`; nil when absent or unreadable (a damaged entry is a miss).
    public func load(_ key: String) -> EncodedImage? {
        guard ImageCache.isKey(key), let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        return CacheEntry.decode([UInt8](data))
    }

    /// Stores `image` under `key`, creating the folder if needed.
    public func store(_ image: EncodedImage, key: String) throws {
        guard ImageCache.isKey(key) else { throw CacheError.notAKey(key) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = "\(path(key)).\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(CacheEntry.encode(image))) else {
            throw CacheError.cannotWrite(temporary)
        }
        guard rename(temporary, path(key)) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CacheError.cannotWrite("\(path(key)): \(String(cString: strerror(code)))")
        }
    }

    /// Removes every entry not in `keep` (after a build, the entries it did not use), and any
    /// temporary file a stopped build left. Files the cache did not make are left alone.
    public func prune(keeping keep: Set<String>) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let key = String(name.prefix(32))
            guard ImageCache.isKey(key) else { continue }
            let rest = name.dropFirst(32)
            let stale = rest == ".cimg" ? !keep.contains(key) : rest.hasPrefix(".cimg.") && rest.hasSuffix(".tmp")
            if stale {
                try FileManager.default.removeItem(atPath: "\(folder)/\(name)")
            }
        }
    }

    /// Why the cache could not store an entry.
    public enum CacheError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The key is not 32 lowercase hex digits.
        case notAKey(String)
        /// The file could not be written.
        case cannotWrite(String)

        /// A message naming the key or file.
        public var description: String {
            switch self {
            case .notAKey(let key): "'\(key)' is not an image cache key (32 hex digits)"
            case .cannotWrite(let path): "cannot write the image cache entry \(path)"
            }
        }
    }

    private func path(_ key: String) -> String { "\(folder)/\(key).cimg" }

    private static func isKey(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
