import ClinicBase
import ClinicContent
import ClinicMarkdown

/// The whole site as one immutable value: the clinic, the pages, the FAQ, and everything
/// derived from them (the aftercare index and its pages, related pages, the newest pages, the
/// menu, the closures in force on the build's day). Made by ``load(_:options:)`` from a site folder's files, or from the previous value
/// by ``applying(_:found:options:)`` after a save; both give the same value for the same files.
///
/// Pages are kept behind shared references, so the next value of the site shares every page
/// that did not change instead of copying it.
public struct Site: Sendable {
    public let clinic: Clinic
    public let home: HomePage
    /// Aftercare pages, sorted by address.
    public let aftercare: [Shared<AftercarePage>]
    /// Other pages, sorted by address.
    public let pages: [Page]
    /// The FAQ page, when `content/faq.md` exists.
    public let faq: FAQ?
    /// Files copied from `content/media/`.
    public let media: [StaticFile]
    /// Files copied from `templates/assets/`.
    public let assets: [StaticFile]
    /// Pages left out (drafts, future dates), with the reason, sorted by path.
    public let excluded: [Exclusion]
    /// Warnings about the content (a field ClinicSite does not know, a file it ignores, a
    /// photo no page shows).
    public let warnings: [Diagnostic]
    /// The warnings reading each file gave, kept for the next value: the others (about photos,
    /// addresses) are checked again across the files whenever a value is made.
    private let readWarnings: [Diagnostic]
    /// The aftercare index in order: entry `i` is aftercare page `i`'s.
    package let index: AftercareIndex
    /// Up to three related pages for each aftercare page.
    package let related: RelatedPages
    /// The pages of the aftercare index.
    package let listings: [AftercareListing]
    /// The newest aftercare pages, as many as the feed carries: indices into ``aftercare``,
    /// newest first (by `updated`/`date`, undated last, then by title).
    public let newest: [Int]
    /// Pages with a `menu` position, in that order (then by title).
    public let menuPages: [Page]
    /// The closures and special hours that matter on the build's `today`.
    public let closures: ClosuresInForce
    /// Every photo the site shows or links to, with its facts.
    public let images: SiteImages

    /// How many newest pages are kept (the feed's length).
    public static let newestCount = 50

    /// The parts of a site; ``Site/assemble(_:found:today:)`` derives the rest and checks the whole.
    struct Parts {
        /// Nil when `clinic.yml` could not be read (the site is not made then, but the other
        /// files are still checked).
        var clinic: Clinic?
        var home: HomePage
        var aftercare: [Shared<AftercarePage>]
        var pages: [Page]
        var faq: FAQ?
        var media: [StaticFile]
        var assets: [StaticFile]
        var excluded: [Exclusion]
        /// What reading the files warned about (each at a place in the file it read).
        var warnings: [Diagnostic]
        /// The index and related pages when they were kept up to date with `aftercare`.
        var index: AftercareIndex?
        var related: RelatedPages?
    }

    private init(_ parts: Parts, clinic: Clinic, index: AftercareIndex, related: RelatedPages, images: SiteImages,
                 acrossFiles: [Diagnostic], today: Day) {
        self.clinic = clinic
        home = parts.home
        aftercare = parts.aftercare
        pages = parts.pages
        faq = parts.faq
        media = parts.media
        assets = parts.assets
        excluded = parts.excluded.sorted { $0.path < $1.path }
        readWarnings = parts.warnings
        warnings = (parts.warnings + acrossFiles).sorted()
        self.index = index
        self.related = related
        listings = AftercareListing.paginate(index, perPage: clinic.aftercarePerPage)
        newest = Self.newest(parts.aftercare, count: Self.newestCount)
        menuPages = parts.pages.filter { $0.menu != nil }
            .sorted { ($0.menu!, $0.title, $0.slug) < ($1.menu!, $1.title, $1.slug) }
        self.images = images
        closures = ClosuresInForce(clinic.datedHours, today: today)
    }

    /// The site made of `parts`, checked by the rules that hold across files (every address
    /// taken once, every photo shown there and usable, with its facts from `images`); `found`
    /// holds what reading the files reported, and its warnings become the site's with those of
    /// the checks across files; `today` decides what is derived from dates. Fails with every
    /// error and warning. The one place a site value is made.
    static func assemble(_ parts: Parts, found: [Diagnostic], images catalog: ImageCatalog, today: Day) -> Result<Site, BuildFailure> {
        let (images, imageProblems) = SiteImages.make(parts, catalog: catalog)
        let acrossFiles = AddressBook.problems(aftercare: parts.aftercare, pages: parts.pages) + imageProblems
        let diagnostics = found + acrossFiles
        guard diagnostics.errors.isEmpty, let clinic = parts.clinic else { return .failure(BuildFailure(diagnostics)) }
        var parts = parts
        parts.warnings = found.warnings
        let index = parts.index ?? AftercareIndex(parts.aftercare)
        let related = parts.related ?? RelatedPages(parts.aftercare)
        return .success(Site(parts, clinic: clinic, index: index, related: related, images: images,
                             acrossFiles: acrossFiles.warnings, today: today))
    }

    /// The parts of this value, to make the next one from.
    var parts: Parts {
        Parts(clinic: clinic, home: home, aftercare: aftercare, pages: pages, faq: faq, media: media, assets: assets,
              excluded: excluded, warnings: readWarnings, index: index, related: related)
    }

    /// The index of the aftercare page with `slug`, if there is one.
    public func aftercareIndex(ofSlug slug: String) -> Int? {
        let position = Self.position(ofSlug: slug, in: aftercare)
        return position < aftercare.count && aftercare[position].value.slug == slug ? position : nil
    }

    /// Where the aftercare page with `slug` is, or would go, in `pages` (sorted by slug).
    static func position(ofSlug slug: String, in pages: [Shared<AftercarePage>]) -> Int {
        firstPosition(in: pages.count) { pages[$0].value.slug < slug }
    }

    /// The first `count` pages by recency, found without sorting every page.
    package static func newest(_ pages: [Shared<AftercarePage>], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        func isNewer(_ left: Int, than right: Int) -> Bool {
            let (a, b) = (pages[left].value, pages[right].value)
            switch (a.lastChanged, b.lastChanged) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.title, a.slug) < (b.title, b.slug)
            }
        }
        var newest: [Int] = []
        newest.reserveCapacity(count + 1)
        for index in pages.indices {
            if newest.count == count, !isNewer(index, than: newest[count - 1]) { continue }
            // The first kept page this one is newer than (the order is total: slugs differ).
            newest.insert(index, at: firstPosition(in: newest.count) { isNewer(newest[$0], than: index) })
            if newest.count > count { newest.removeLast() }
        }
        return newest
    }

    /// `cupping` → `Cupping`
    public static func displayTreatment(_ treatment: String) -> String {
        guard let first = treatment.first else { return treatment }
        return first.uppercased() + treatment.dropFirst()
    }
}
