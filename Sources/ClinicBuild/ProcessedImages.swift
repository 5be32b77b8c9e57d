import ClinicBase
import ClinicContent
import ClinicImages
import ClinicModel
import ClinicOutput
import ClinicRender
import Synchronization

/// How rebuilds make the processed photos (`media/room.1f3a9c42.960.webp`): the facts kept of
/// each photo, the cache folder their files are kept in between builds, and whether to make
/// them at all (`check` does not). Each photo is decoded once for all of its files that are
/// not in the cache, a few photos at a time (one per core), so memory stays bounded.
public final class ProcessedImages: Sendable {
    /// The photos' facts, kept from one build to the next.
    public let catalog: ImageCatalog
    /// Where processed files are kept; nil keeps nothing (they go straight to the sink).
    public let cache: ImageCache?
    /// False for `check`: the photos' headers are read, their files not made.
    public let makesFiles: Bool

    /// Photos processed (decoded) so far.
    private let decoded = Mutex(0)

    /// Processed photos with the given catalog and cache.
    public init(catalog: ImageCatalog, cache: ImageCache?, makesFiles: Bool = true) {
        self.catalog = catalog
        self.cache = cache
        self.makesFiles = makesFiles
    }

    /// Everything in memory: no cache folder (tests, and builds into memory).
    public static func inMemory() -> ProcessedImages {
        ProcessedImages(catalog: ImageCatalog(folder: nil), cache: nil)
    }

    /// The site's own: its facts and files in `.clinicsite/cache/images/` in the site folder.
    /// `makesFiles: false` (check) only reads what is there.
    public static func forSite(_ folder: SiteFolder, makesFiles: Bool = true) -> ProcessedImages {
        let path = folder.absolute(cacheFolder)
        return ProcessedImages(catalog: ImageCatalog(folder: path), cache: makesFiles ? ImageCache(folder: path) : nil,
                               makesFiles: makesFiles)
    }

    /// The cache's place in the site folder.
    public static let cacheFolder = ".clinicsite/cache/images"

    /// How many photos have been decoded by this value so far.
    public var decodedCount: Int { decoded.withLock { $0 } }

    /// After a build of `site` is in place: the cache keeps only the files `site` uses, and
    /// the catalog the facts of its photos. A cache that cannot be tidied is left as it is
    /// (it only makes builds faster).
    public func tidy(after site: Site) {
        let sources = site.images.sources.values
        try? catalog.save(keeping: sources.map(\.file))
        guard let cache else { return }
        let keys = sources.flatMap { source in source.variants.map { ImageCache.key(sourceHash: source.facts.hash, variant: $0) } }
        try? cache.prune(keeping: Set(keys))
    }

    /// Keeps the facts of `site`'s photos for the next run, without removing any file (for
    /// `serve`, whose next save may bring back a photo it left).
    public func remember(_ site: Site) {
        try? catalog.save(keeping: site.images.sources.values.map(\.file))
    }

    /// Hands the files `outputs` (all of one photo) to `sink`: each from the cache, else made
    /// by one decode of the photo for all that are missing (and kept in the cache).
    func publish(_ outputs: [(key: String, view: ImageFileView)], into sink: any OutputSink) throws(ImageFailure) {
        var missing: [(key: String, view: ImageFileView)] = []
        for output in outputs {
            guard let path = cache?.path(output.view.cacheKey, format: output.view.variant.format) else {
                missing.append(output)
                continue
            }
            // Handed over without looking first (a stat per file was a tenth of a warm build
            // of 600 files): a file the cache does not hold fails, and is made.
            do {
                try sink.publish(path, to: output.key)
            } catch {
                guard !FileSystem.exists(path) else { throw .output(output.key, "\(error)") }
                missing.append(output)
            }
        }
        guard let first = missing.first else { return }
        let encoded = try encode(first.view, missing.map(\.view.variant))
        for (output, image) in zip(missing, encoded) {
            do {
                if let path = try store(image, key: output.view.cacheKey) {
                    try sink.publish(path, to: output.key)
                } else {
                    try sink.write(image.bytes, to: output.key)
                }
            } catch {
                throw .output(output.key, "\(error)")
            }
        }
    }

    /// The bytes of `views` (files of one photo), from the cache or made by one decode.
    func bytes(_ views: [ImageFileView]) -> Result<[[UInt8]], ImageFailure> {
        var found: [[UInt8]?] = views.map { view in cache?.load(view.cacheKey, format: view.variant.format) }
        let missing = views.indices.filter { found[$0] == nil }
        guard let first = missing.first else { return .success(found.map { $0! }) }
        do throws(ImageFailure) {
            let encoded = try encode(views[first], missing.map { views[$0].variant })
            for (index, image) in zip(missing, encoded) {
                _ = try? store(image, key: views[index].cacheKey)
                found[index] = image.bytes
            }
            return .success(found.map { $0! })
        } catch {
            return .failure(error)
        }
    }

    /// Decodes the photo `view` comes from once and makes `variants`; a photo that fails is
    /// remembered in the catalog.
    private func encode(_ view: ImageFileView, _ variants: [ImageVariant]) throws(ImageFailure) -> [EncodedImage] {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(view.sourcePath)
        } catch {
            throw .photo(view, .unreadable("\(error)"))
        }
        guard ImageHash(bytes) == view.hash else { throw .photo(view, .unreadable("it changed while the site was being built; build again")) }
        decoded.withLock { $0 += 1 }
        do {
            return try ImageProcessor.encode(bytes, variants: variants)
        } catch {
            catalog.recordFailure(view.hash, error)
            throw .photo(view, .image(error))
        }
    }

    /// Keeps `image` in the cache; its path there, or nil without a cache (or when it cannot
    /// be written: the file is then handed over from memory).
    private func store(_ image: EncodedImage, key: String) throws -> String? {
        guard let cache else { return nil }
        guard (try? cache.store(image, key: key)) != nil else { return nil }
        return cache.path(key, format: image.format)
    }
}

/// Why a photo's files could not be made.
enum ImageFailure: Error {
    /// The photo could not be read or decoded.
    case photo(ImageFileView, ImageProblem)
    /// A file could not be handed to the sink.
    case output(String, String)

    /// The problem at each place that shows the photo (or at the output's path).
    func diagnostics(in site: Site) -> [Diagnostic] {
        switch self {
        case .photo(let view, let problem):
            let places = site.images.sources[view.source]?.references ?? [SourceLocation(path: view.displayPath)]
            return places.map { Diagnostic($0, "\(view.displayPath): \(problem)", stage: .render) }
        case .output(let key, let reason):
            return [Diagnostic(SourceLocation(path: key), "could not write: \(reason)", stage: .output)]
        }
    }
}
