import ClinicBase
import ClinicContent
import ClinicImages
import ClinicMarkdown
import ClinicModel
import Synchronization

/// The photos of a site as pages show them: pictures, links to a photo's largest copy,
/// `og:image`, and the processed files with their names.
struct Pictures: Sendable {
    let images: SiteImages
    let url: SiteURL

    init(_ site: Site) {
        images = site.images
        url = site.clinic.url
    }

    /// A processed file's cache key, output path and that path percent-encoded. The output
    /// path is the photo's folder and name, the first 8 digits of the cache key (a hash of the
    /// photo, the settings and the libvips version), the size and the format:
    /// `media/room.1f3a9c42.960.webp`, `media/maya.0b1c2d3e.640x640.jpg`.
    struct Names: Sendable {
        let key, path, encoded: String
    }

    /// The names of `variant` of `source`, worked out once per process: they depend only on
    /// the photo's path, its bytes (through the hash) and the variant. Working them out (a
    /// hash of the settings, the path's parts, percent-encoding) for every file on every save
    /// in `serve` was two thirds of a save's time on a site with 100 photos.
    static func names(_ source: ImageSource, _ variant: ImageVariant) -> Names {
        let id = SourceID(photo: source.file.outputPath, hash: source.facts.hash)
        let table = knownNames.withLock { $0[id] }
        if let names = table?[variant] { return names }
        var names = table ?? [:]
        // Every variant the photo is published at, at once: the path's parts are worked out
        // once for all of them.
        let path = source.file.outputPath
        let parent = Path.parent(of: path)
        let (folder, encodedFolder) = parent == "." ? ("", "") : (parent + "/", encoded(parent) + "/")
        let stem = Path.stem(of: path)
        let encodedStem = encoded(stem)
        for wanted in Set(source.variants + [variant]) where names[wanted] == nil {
            let key = ImageCache.key(sourceHash: source.facts.hash, variant: wanted)
            let size = source.size(of: wanted)
            let sizeText = wanted.crop == .none ? String(size.width) : String(size.width) + "x" + String(size.height)
            let suffix = "." + key.prefix(8) + "." + sizeText + "." + wanted.format.fileExtension
            names[wanted] = Names(key: key, path: folder + stem + suffix, encoded: encodedFolder + encodedStem + suffix)
        }
        knownNames.withLock { known in
            // A long `serve` of photos replaced again and again: start over now and then.
            if known.count >= 20_000 { known.removeAll() }
            known[id] = names
        }
        return names[variant]!
    }

    /// A photo at one path with one content.
    private struct SourceID: Hashable {
        let photo: String
        let hash: ImageHash
    }

    private static let knownNames = Mutex<[SourceID: [ImageVariant: Names]]>([:])

    /// Every processed file of the site, by output path.
    func files() -> [String: ImageFileView] {
        var files: [String: ImageFileView] = [:]
        for source in images.sources.values {
            for variant in source.variants {
                let names = Self.names(source, variant)
                files[names.path] = ImageFileView(
                    sourcePath: source.file.sourcePath, displayPath: source.file.displayPath, source: source.file.outputPath,
                    hash: source.facts.hash, variant: variant, cacheKey: names.key)
            }
        }
        return files
    }

    /// The picture of `use`; nil without one.
    func picture(_ use: ImageUse?) -> PictureView? {
        guard let use, let source = images.sources[use.source] else { return nil }
        let fallbackFormat = ImageRole.fallbackFormat(source.facts.info)
        var webp: [PictureView.Candidate] = []
        var fallback: [PictureView.Candidate] = []
        for variant in use.role.variants(for: source.facts.info) {
            let candidate = self.candidate(source, variant)
            if variant.format == .webp { webp.append(candidate) } else { fallback.append(candidate) }
        }
        guard !fallback.isEmpty else { return nil }
        return PictureView(source: source.file.displayPath, alt: use.alt, title: use.title, role: use.role, isHero: use.isHero,
                           webp: webp, fallback: fallback, fallbackType: fallbackFormat.mediaType)
    }

    /// The link to the largest copy of `use`'s photo (JPEG or PNG, uncropped).
    func link(_ use: ImageUse) -> String? {
        guard let source = images.sources[use.source] else { return nil }
        let format = ImageRole.fallbackFormat(source.facts.info)
        let largest = source.variants.filter { $0.format == format && $0.crop == .none }.max { $0.width < $1.width }
        return largest.map { candidate(source, $0).url }
    }

    /// The `og:image` of a page showing `use` at its top (the clinic's photo when nil).
    func social(_ use: ImageUse?) -> SocialImage? {
        guard let use = use ?? images.clinic, let source = images.sources[use.source],
              let variant = ImageRole.social.variants(for: source.facts.info).first else { return nil }
        let size = source.size(of: variant)
        return SocialImage(url: url.origin + candidate(source, variant).url, width: size.width, height: size.height, alt: use.alt)
    }

    /// `html` with its photo placeholders replaced: pictures, and the addresses of links.
    func splice(_ html: String, _ uses: [ImageUse]) -> String {
        PhotoPlaceholder.splice(html, count: uses.count) { number in
            guard number < uses.count else { return "" }
            let use = uses[number]
            if use.role == .linked { return Escape.html(link(use) ?? "") }
            return picture(use)?.html ?? ""
        }
    }

    /// The display paths of the photos `uses` show: what a page shows of the site's files.
    static func sources(_ uses: [ImageUse?], in images: SiteImages) -> Set<String> {
        Set(uses.compactMap { $0.flatMap { images.sources[$0.source]?.file.displayPath } })
    }

    private func candidate(_ source: ImageSource, _ variant: ImageVariant) -> PictureView.Candidate {
        let size = source.size(of: variant)
        return PictureView.Candidate(url: url.path(Self.names(source, variant).encoded), width: size.width, height: size.height)
    }

    /// A path with every byte but unreserved characters and `/` percent-encoded, so a name
    /// with spaces or commas is one entry of a `srcset`.
    static func encoded(_ path: String) -> String {
        // Most names need no encoding: letters, digits, `-._~` and `/`.
        if path.utf8.allSatisfy({ $0 == UInt8(ascii: "/") || URLText.isUnreserved($0) }) { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { URLText.queryEncode(String($0)) }.joined(separator: "/")
    }
}
