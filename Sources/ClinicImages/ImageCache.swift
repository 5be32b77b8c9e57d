import ClinicBase
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Processed files kept between builds in `<site>/.clinicsite/cache/images/`, keyed by a hash
/// of the source bytes, the variant and the libvips file in use (`ImageProcessor.libraryIdentity`),
/// so a build where no image changed decodes no image and does not even load libvips.
///
/// Each entry is the encoded file itself, `<key>.<ext>` (`webp`, `jpg`, `png`), so a build can
/// publish it with a hard link instead of a copy. Entries are written to a temporary file,
/// made read-only and renamed into place: a build stopped half-way never leaves a
/// half-written entry under a key, and an output folder holding a link to an entry cannot
/// change the entry by writing into the file (only by replacing it).
public final class ImageCache: Sendable {
    /// The folder the entries are in.
    public let folder: String

    /// A cache in `folder`, created on first write.
    public init(folder: String) {
        self.folder = folder
    }

    /// Bump when the pipeline changes what it makes from the same source and variant.
    /// 2: the shared decode is 1600 pixels wide (it was 2400).
    /// 3: libvips' Orc loops are off (their rounding differs from the C loops').
    static let pipelineVersion = 3

    /// The key of `variant` of `source`: 32 hex digits, the `ImageHash` of the source's
    /// fingerprint, the variant's settings, the libvips file (`ImageProcessor.libraryIdentity`)
    /// and the pipeline's version.
    /// Its first 8 digits are the hash in published file names.
    public static func key(source: [UInt8], variant: ImageVariant) -> String {
        key(sourceHash: ImageHash(source), variant: variant)
    }

    /// The same key from the source's fingerprint, computed once for all of its variants.
    public static func key(sourceHash: ImageHash, variant: ImageVariant) -> String {
        let id = KeyID(sourceHash: sourceHash, variant: variant)
        if let key = knownKeys.withLock({ $0[id] }) { return key }
        let text = "clinicimages-\(pipelineVersion);source=\(sourceHash.hex);vips=\(ImageProcessor.libraryIdentity);\(variant.settings)"
        let key = ImageHash(Array(text.utf8)).hex
        knownKeys.withLock { known in
            // A long `serve` of photos replaced again and again: start over now and then.
            if known.count >= 100_000 { known.removeAll() }
            known[id] = key
        }
        return key
    }

    private struct KeyID: Hashable {
        let sourceHash: ImageHash
        let variant: ImageVariant
    }

    /// Keys worked out so far in this process: a build asks for each one several times (the
    /// file's name, the cache's entry, what the cache keeps).
    private static let knownKeys = Mutex<[KeyID: String]>([:])

    /// The file an entry is kept in (it may not exist).
    public func path(_ key: String, format: ImageFormat) -> String {
        "\(folder)/\(key).\(format.fileExtension)"
    }

    /// The entry stored under `key`; nil when absent (or `key` is not a key).
    public func load(_ key: String, format: ImageFormat) -> [UInt8]? {
        guard ImageCache.isKey(key), let data = FileManager.default.contents(atPath: path(key, format: format)) else { return nil }
        return [UInt8](data)
    }

    /// Stores `image` under `key`, creating the folder if needed.
    public func store(_ image: EncodedImage, key: String) throws {
        guard ImageCache.isKey(key) else { throw CacheError.notAKey(key) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let final = path(key, format: image.format)
        let temporary = "\(final).\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(image.bytes), attributes: [.posixPermissions: 0o444]) else {
            throw CacheError.cannotWrite(temporary)
        }
        guard rename(temporary, final) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CacheError.cannotWrite("\(final): \(String(cString: strerror(code)))")
        }
    }

    /// Removes every entry whose key is not in `keep` (after a build, the entries it did not
    /// use), and any temporary file a stopped build left. Files the cache did not make are
    /// left alone.
    public func prune(keeping keep: Set<String>) throws {
        guard let names = try? FileSystem.contentsOfDirectory(folder) else { return }
        for name in names {
            let key = String(name.prefix(32))
            guard ImageCache.isKey(key), name.utf8.count > 33, name.utf8.dropFirst(32).first == UInt8(ascii: ".") else { continue }
            let rest = name.dropFirst(33)
            let isEntry = ImageCache.extensions.contains(String(rest)) || rest == "cimg"
            let isLeftover = rest.hasSuffix(".tmp")
            if isLeftover || (isEntry && !keep.contains(key)) {
                try FileSystem.removeTree("\(folder)/\(name)")
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

    /// The extensions of entries (`cimg` was an earlier format, removed by `prune`).
    private static let extensions: Set<String> = Set(ImageFormat.allCases.map(\.fileExtension))

    private static func isKey(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
