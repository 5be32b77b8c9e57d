import ClinicBase
import ClinicContent
import ClinicImages

/// One photo the site shows or links to: its file, its facts, and every file made of it.
public struct ImageSource: Sendable, Equatable {
    /// The file in `content/media/`.
    public let file: StaticFile
    /// Its fingerprint, header and the sizes of the files made of it.
    public let facts: ImageFacts
    /// How it is shown, in a fixed order.
    public let roles: [ImageRole]
    /// Every file made of it, in a fixed order (by role, then as the role lists them).
    public let variants: [ImageVariant]
    /// Every place that shows or links to it, sorted.
    public let references: [SourceLocation]
    /// How each of those places shows it.
    public let uses: [ImageUse]

    /// The size of the file `variant` makes (the variant is one of ``variants``).
    public func size(of variant: ImageVariant) -> ImageSize {
        facts.sizes[variant] ?? ImageSize(width: variant.width, height: variant.width)
    }
}

/// The photos of a site: every photo shown or linked to, and where `clinic.yml` shows them.
public struct SiteImages: Sendable, Equatable {
    /// Every photo the site shows or links to, by its output path before processing
    /// (`media/room.jpg`).
    public let sources: [String: ImageSource]
    /// `clinic.yml`'s `image`: the home page's hero and the site's `og:image`.
    public let clinic: ImageUse?
    /// Each practitioner's `photo`, in the order of `practitioners`.
    public let team: [ImageUse?]
    /// Each service's `image`, in the order of `services`.
    public let services: [ImageUse?]

    /// A site without photos.
    public static let none = SiteImages(sources: [:], clinic: nil, team: [], services: [])

    /// The photos `parts` show, with their facts from `catalog`; an error at each reference to a
    /// photo that is missing or cannot be used, and a warning for each photo in
    /// `content/media/` nothing shows (it is not published).
    static func make(_ parts: Site.Parts, catalog: ImageCatalog) -> (SiteImages, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let clinicUses = ClinicUses(parts.clinic, diagnostics: &diagnostics)
        var uses = clinicUses.all
        // Field by field through each page's reference (a copy of each page, on every save in
        // `serve`, cost more than the rest of this).
        for page in parts.aftercare where page.value.image != nil || !page.value.images.isEmpty {
            uses += Self.pageUses(page.value.image, page.value.images)
        }
        for page in parts.pages where page.image != nil || !page.images.isEmpty {
            uses += Self.pageUses(page.image, page.images)
        }
        uses += parts.home.images + (parts.faq?.images ?? [])
        let photos = parts.media.filter { PhotoFiles.isPhoto($0.outputPath) }
        guard !uses.isEmpty || !photos.isEmpty else { return (.none, diagnostics) }

        var grouped: [String: [ImageUse]] = [:]
        for use in uses where !use.source.isEmpty { grouped[use.source, default: []].append(use) }
        let byPath = grouped
        let files = Dictionary(parts.media.map { ($0.outputPath, $0) }) { first, _ in first }
        let paths = byPath.keys.sorted()
        // Read before the photos are looked up on every core, so none waits for another to read it.
        catalog.load()
        let found = parallelMap(paths) { path -> Result<ImageSource, ImageProblem>? in
            guard let file = files[path] else { return nil }
            return source(file, uses: byPath[path]!, catalog: catalog)
        }
        var sources: [String: ImageSource] = [:]
        for (path, result) in zip(paths, found) {
            let places = Set(byPath[path]!.map(\.location)).sorted()
            switch result {
            case nil:
                diagnostics += places.map { Diagnostic($0, "there is no photo '\(path)' in content/ (a photo is a file in content/media/; a symlink is followed only when it stays inside the site folder)", stage: .model) }
            case .failure(let problem)?:
                let shown = files[path]?.displayPath ?? path
                diagnostics += places.map { Diagnostic($0, "\(shown): \(problem)", stage: .model) }
            case .success(let source)?:
                sources[path] = source
            }
        }
        for photo in photos where byPath[photo.outputPath] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: photo.displayPath), "not published: no page shows or links to this photo, and ClinicSite publishes photos only as resized copies without their metadata (show it with ![What it shows](/\(photo.outputPath)) or link to it)", severity: .warning, stage: .model))
        }
        let images = SiteImages(sources: sources, clinic: clinicUses.hero, team: clinicUses.team, services: clinicUses.services)
        return (images, diagnostics)
    }

    /// A page's photos: its `image` (shown at the top and as its `og:image`) and its body's.
    private static func pageUses(_ image: ImageUse?, _ images: [ImageUse]) -> [ImageUse] {
        guard let image else { return images }
        var social = image
        social.role = .social
        return [image, social] + images
    }

    /// The source at `file` as `uses` show it.
    private static func source(_ file: StaticFile, uses: [ImageUse], catalog: ImageCatalog) -> Result<ImageSource, ImageProblem> {
        let roles = Set(uses.map(\.role)).sorted()
        func variants(_ info: ImageInfo) -> [ImageVariant] {
            var seen: Set<ImageVariant> = []
            return roles.flatMap { $0.variants(for: info) }.filter { seen.insert($0).inserted }
        }
        return catalog.facts(file, variants: variants).map { facts in
            ImageSource(file: file, facts: facts, roles: roles, variants: variants(facts.info),
                        references: Set(uses.map(\.location)).sorted(), uses: uses)
        }
    }
}

/// The photos `clinic.yml` names, with the alt text each place uses.
private struct ClinicUses {
    var hero: ImageUse?
    var team: [ImageUse?] = []
    var services: [ImageUse?] = []

    init(_ clinic: Clinic?, diagnostics: inout [Diagnostic]) {
        guard let clinic else { return }
        func use(_ reference: ImageReference?, _ role: ImageRole, alt: String) -> ImageUse? {
            guard let reference else { return nil }
            let source = PageReader.resolved(reference.source, from: nil, at: reference.location, diagnostics: &diagnostics)
            return ImageUse(source: source, role: role, alt: reference.alt ?? alt, location: reference.location, isHero: role == .hero)
        }
        hero = use(clinic.image, .hero, alt: "")
        team = clinic.practitioners.map { use($0.photo, .team, alt: $0.name) }
        services = clinic.services.map { use($0.image, .card, alt: "") }
    }

    /// Every use, the hero's `og:image` included.
    var all: [ImageUse] {
        var uses = team.compactMap { $0 } + services.compactMap { $0 }
        if var hero {
            uses.append(hero)
            hero.role = .social
            uses.append(hero)
        }
        return uses
    }
}
