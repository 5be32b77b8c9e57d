import ClinicBase
import ClinicContent
import ClinicImages
import Foundation
import Synchronization

/// The facts of every photo a site shows (``ImageFacts``), read from the photo once and then
/// kept, in memory and in the cache folder (`sources.tsv`), by the file's path and stamp
/// (size, modification time, inode): a build where no photo changed reads no photo.
///
/// A photo that failed to decode (found by ``recordFailure(_:_:)``) keeps failing while its
/// bytes are the same, so `serve` goes on showing the error until it is replaced.
public final class ImageCatalog: Sendable {
    /// The folder holding `sources.tsv`; nil keeps the facts in memory only.
    public let folder: String?

    private struct State {
        var loaded = false
        var entries: [String: Entry] = [:]
        var changed = false
        var failures: [ImageHash: ImageError] = [:]
    }

    /// One photo's facts as stored.
    struct Entry: Equatable {
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
    ///
    /// Kept as lines of tab-separated fields, read and written here rather than by a JSON
    /// coder (Foundation's JSONDecoder took 9 ms of a 60 ms warm build for 100 photos):
    ///
    ///     clinicsite image catalog 2
    ///     vips	/usr/lib/x86_64-linux-gnu/libvips.so.42.16.1:2837792:1775453809.000000000
    ///     media/room.jpg	2312737	1775453809000000000	1234	<hash>	4000	3000	0	jpeg	960,720,width=960;…
    ///
    /// One line per photo, sorted by path: the path (`%`, tab, line feed and carriage return
    /// percent-encoded), size, modification time (ns), inode, hash, width, height, alpha (0 or
    /// 1), format, then one field per variant: width, height and the variant's settings.
    struct Stored: Equatable {
        var version: Int
        var vips: String
        var sources: [String: Entry]

        static let header = "clinicsite image catalog "

        var text: String {
            var lines = [Self.header + String(version), "vips\t" + Stored.escaped(vips)]
            for path in sources.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let entry = sources[path]!
                var fields = [Stored.escaped(path), String(entry.size), String(entry.modified), String(entry.inode),
                              entry.hash, String(entry.width), String(entry.height), entry.alpha ? "1" : "0",
                              Stored.escaped(entry.format)]
                for settings in entry.sizes.keys.sorted() {
                    let size = entry.sizes[settings]!
                    guard size.count == 2 else { continue }
                    fields.append("\(size[0]),\(size[1]),\(Stored.escaped(settings))")
                }
                lines.append(fields.joined(separator: "\t"))
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The catalog `text` holds; nil when it is not one (damaged, or another format).
        init?(text: String) {
            var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).makeIterator()
            guard let first = lines.next().map({ String(decoding: $0, as: UTF8.self) }), first.hasPrefix(Self.header),
                  let version = Int(first.dropFirst(Self.header.count)),
                  let second = lines.next().map({ String(decoding: $0, as: UTF8.self) }), second.hasPrefix("vips\t")
            else { return nil }
            self.version = version
            vips = Stored.unescaped(second.dropFirst(5))
            sources = [:]
            let tab = UInt8(ascii: "\t")
            while let line = lines.next() {
                let fields = line.split(separator: tab, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                guard fields.count >= 9, let size = Int64(fields[1]), let modified = Int64(fields[2]),
                      let inode = UInt64(fields[3]), let width = Int(fields[5]), let height = Int(fields[6]),
                      fields[7] == "0" || fields[7] == "1" else { return nil }
                var sizes: [String: [Int]] = [:]
                for field in fields.dropFirst(9) {
                    let parts = field.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
                    guard parts.count == 3, let variantWidth = Int(parts[0]), let variantHeight = Int(parts[1]) else { return nil }
                    sizes[Stored.unescaped(parts[2])] = [variantWidth, variantHeight]
                }
                sources[Stored.unescaped(Substring(fields[0]))] = Entry(
                    size: size, modified: modified, inode: inode, hash: fields[4], width: width, height: height,
                    alpha: fields[7] == "1", format: Stored.unescaped(Substring(fields[8])), sizes: sizes)
            }
        }

        init(version: Int, vips: String, sources: [String: Entry]) {
            self.version = version
            self.vips = vips
            self.sources = sources
        }

        /// `text` with `%`, tab, line feed and carriage return percent-encoded.
        static func escaped(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "%": result += "%25"
                case "\t": result += "%09"
                case "\n": result += "%0A"
                case "\r": result += "%0D"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        }

        /// The text `escaped` was given.
        static func unescaped(_ text: Substring) -> String {
            guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
            return text.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n")
                .replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
        }
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

    /// Reads `sources.tsv` if it has not been read yet (``facts(_:variants:)`` does when needed).
    public func load() {
        state.withLock { loadIfNeeded(&$0) }
    }

    /// Remembers that the photo with `hash` could not be decoded: its facts fail with `error`
    /// until its bytes change.
    public func recordFailure(_ hash: ImageHash, _ error: ImageError) {
        state.withLock { $0.failures[hash] = error }
    }

    /// Writes what is known of `files` (the photos the site shows) to `sources.tsv`, when it
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
        try FileSystem.createDirectories(folder)
        let path = folder + "/" + Self.fileName
        let temporary = path + ".\(UUID().uuidString).tmp"
        try FileSystem.write(stored.text, to: temporary)
        try FileSystem.rename(temporary, to: path)
        // The catalog of ClinicSite 0.2's first builds, in JSON: replaced by this one.
        unlink(folder + "/sources.json")
    }

    /// The index's file name in the cache folder.
    static let fileName = "sources.tsv"
    /// 2: sizes worked out from a 1600-pixel shared decode (``ImageCache``'s pipeline 2).
    private static let version = 2

    private func loadIfNeeded(_ state: inout State) {
        guard !state.loaded else { return }
        state.loaded = true
        guard let folder, let bytes = try? FileSystem.readBytes(folder + "/" + Self.fileName),
              let stored = Stored(text: String(decoding: bytes, as: UTF8.self)),
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
