import ClinicBase
import ClinicContent
import ClinicImages
import Foundation
import Synchronization

/// The facts of every photo a site shows (``ImageFacts``), read from the photo once and then
/// kept, in memory and in the cache folder (`sources.json`), by the file's path and stamp
/// (size, modification time, inode): a build where no photo changed reads no photo.
///
/// A photo that failed to decode (found by ``recordFailure(_:_:)``) keeps failing while its
/// bytes are the same, so `serve` goes on showing the error until it is replaced.
public final class ImageCatalog: Sendable {
    /// The folder holding `sources.json`; nil keeps the facts in memory only.
    public let folder: String?

    private struct State {
        var loaded = false
        var entries: [String: Entry] = [:]
        var changed = false
        var failures: [ImageHash: ImageError] = [:]
    }

    /// One photo's facts as stored.
    struct Entry: Codable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var hash: String
        var width: Int
        var height: Int
        var alpha: Bool
        var format: String
        /// Variant settings (``ImageVariant/settings``) → [width, height].
        var sizes: [String: [Int]]

        var stamp: FileStamp { FileStamp(size: size, modified: modified, inode: inode) }
    }

    /// The stored form: the libvips the sizes were worked out with (`ImageProcessor.libraryIdentity`), and the entries.
    private struct Stored: Codable {
        var version: Int
        var vips: String
        var sources: [String: Entry]
    }

    private let state = Mutex(State())

    /// A catalog keeping its facts in `folder` (created when first saved), or in memory only.
    public init(folder: String?) {
        self.folder = folder
    }

    /// The facts of `file` with the sizes of the variants `variants` names for its header:
    /// from what is known when the file's stamp is the one known, else read from the file (and
    /// kept). Fails with a message for the owner (unreadable, not an image, too many pixels,
    /// cut short…).
    public func facts(_ file: StaticFile, variants: (ImageInfo) -> [ImageVariant]) -> Result<ImageFacts, ImageProblem> {
        let known = state.withLock { state -> Entry? in
            loadIfNeeded(&state)
            return state.entries[file.outputPath]
        }
        if let known, let stamp = file.stamp, known.stamp == stamp, let facts = Self.facts(known, variants: variants) {
            return checked(facts)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(file.sourcePath)
        } catch {
            return .failure(.unreadable("\(error)"))
        }
        let hash = ImageHash(bytes)
        if let known, known.hash == hash.hex, let facts = Self.facts(known, variants: variants) {
            store(file, facts)
            return checked(facts)
        }
        do {
            let wanted = variants(try ImageProcessor.probe(bytes))
            let (info, sizes) = try ImageProcessor.inspect(bytes, variants: wanted)
            let facts = ImageFacts(hash: hash, info: info, sizes: Dictionary(zip(wanted, sizes)) { first, _ in first },
                                   fileSize: bytes.count)
            store(file, facts)
            return checked(facts)
        } catch {
            return .failure(.image(error))
        }
    }

    /// Remembers that the photo with `hash` could not be decoded: its facts fail with `error`
    /// until its bytes change.
    public func recordFailure(_ hash: ImageHash, _ error: ImageError) {
        state.withLock { $0.failures[hash] = error }
    }

    /// Writes what is known of `files` (the photos the site shows) to `sources.json`, when it
    /// changed; the other entries go. Nothing is written without a folder.
    public func save(keeping files: [StaticFile]) throws {
        guard let folder else { return }
        let stored = state.withLock { state -> Stored? in
            let kept = Set(files.map(\.outputPath))
            let entries = state.entries.filter { kept.contains($0.key) }
            guard state.changed || entries.count != state.entries.count else { return nil }
            state.entries = entries
            state.changed = false
            return Stored(version: Self.version, vips: ImageProcessor.libraryIdentity, sources: entries)
        }
        guard let stored else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(stored)
        try FileSystem.createDirectories(folder)
        let path = folder + "/" + Self.fileName
        let temporary = path + ".\(UUID().uuidString).tmp"
        try FileSystem.write(Array(data), to: temporary)
        try FileSystem.rename(temporary, to: path)
    }

    /// The index's file name in the cache folder.
    static let fileName = "sources.json"
    /// 2: sizes worked out from a 1600-pixel shared decode (``ImageCache``'s pipeline 2).
    private static let version = 2

    private func loadIfNeeded(_ state: inout State) {
        guard !state.loaded else { return }
        state.loaded = true
        guard let folder, let bytes = try? FileSystem.readBytes(folder + "/" + Self.fileName),
              let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)),
              stored.version == Self.version, stored.vips == ImageProcessor.libraryIdentity else { return }
        state.entries = stored.sources
    }

    private func checked(_ facts: ImageFacts) -> Result<ImageFacts, ImageProblem> {
        if let failure = state.withLock({ $0.failures[facts.hash] }) { return .failure(.image(failure)) }
        return .success(facts)
    }

    private func store(_ file: StaticFile, _ facts: ImageFacts) {
        guard let stamp = file.stamp else { return }
        state.withLock { state in
            var sizes = state.entries[file.outputPath].flatMap { $0.hash == facts.hash.hex ? $0.sizes : nil } ?? [:]
            for (variant, size) in facts.sizes { sizes[variant.settings] = [size.width, size.height] }
            let entry = Entry(size: stamp.size, modified: stamp.modified, inode: stamp.inode, hash: facts.hash.hex,
                              width: facts.info.width, height: facts.info.height, alpha: facts.info.hasAlpha,
                              format: facts.info.format, sizes: sizes)
            if state.entries[file.outputPath] != entry {
                state.entries[file.outputPath] = entry
                state.changed = true
            }
        }
    }

    /// The facts an entry holds, when it has the size of every variant `variants` names.
    private static func facts(_ entry: Entry, variants: (ImageInfo) -> [ImageVariant]) -> ImageFacts? {
        guard let hash = ImageHash(hex: entry.hash) else { return nil }
        let info = ImageInfo(width: entry.width, height: entry.height, hasAlpha: entry.alpha, format: entry.format)
        var sizes: [ImageVariant: ImageSize] = [:]
        for variant in variants(info) {
            guard let size = entry.sizes[variant.settings], size.count == 2 else { return nil }
            sizes[variant] = ImageSize(width: size[0], height: size[1])
        }
        return ImageFacts(hash: hash, info: info, sizes: sizes, fileSize: Int(entry.size))
    }
}

/// Why a photo cannot be used.
public enum ImageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(String)
    /// ClinicImages refused it.
    case image(ImageError)

    /// The message for the owner.
    public var description: String {
        switch self {
        case .unreadable(let reason): "cannot be read: \(reason)"
        case .image(let error): error.description
        }
    }
}
