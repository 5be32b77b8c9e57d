import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel

/// Every output of a site with its view, computed from one value of the site. A rebuild
/// compares them with the previous value's and renders those that differ.
///
/// Computing them again after a save costs little for the pages that did not change: their
/// page values are the same objects as before, so their views are taken over as they were.
public struct SiteViews: Sendable {
    /// The aftercare pages' views, in the site's order (by address).
    public let aftercare: [AftercareView]
    /// The pages of the aftercare index.
    public let listings: [ListingView]
    /// Every other output, by key.
    public let others: [String: OutputView]
    /// The model pages the aftercare views were made from.
    private let aftercarePages: [Shared<AftercarePage>]
    /// What every aftercare page's own view depends on besides the page and its photos.
    private let pageContext: AftercarePageContext
    /// The fingerprinted names of the theme's assets, by the file they were made from.
    private let assetNames: [StaticFile: String]
    /// False when every page's chrome (the shared values and the menu) is as in the views these
    /// were made from: then a save shows through the chrome nowhere (``OutputView/shows(_:chromeChanged:)``).
    public let chromeChanged: Bool

    /// The views of `site`; `previous` (the last value's views) lends what did not change.
    /// Fails when a theme asset cannot be read (to name it by its content hash).
    public static func make(site: Site, fingerprintAssets: Bool, previous: SiteViews? = nil) throws(BuildFailure) -> SiteViews {
        let (assets, assetNames) = try assetFiles(site.assets, fingerprint: fingerprintAssets, previous: previous?.assetNames ?? [:])
        var links: [String: String] = [:]
        for (source, output) in zip(site.assets, assets) { links[source.outputPath] = site.clinic.url.path(output.outputPath) }
        var values = Chrome.values(site: site, assets: links)
        let previousValues = previous?.aftercare.first?.chrome.values ?? previous?.listings.first?.chrome.values
        let shared = previousValues.flatMap { $0.value == values ? $0 : nil } ?? Shared(values)
        values = shared.value
        func chrome(_ path: String?) -> Chrome { Chrome(values: shared, nav: Chrome.nav(for: path, site: site)) }

        var section = chrome("aftercare/page/")
        let oldSection = previous?.aftercare.first?.chrome ?? previous?.listings.dropFirst().first?.chrome
        if let oldSection, oldSection == section { section = oldSection }
        // The menu is the same for every page but for which item is current: one section's
        // chrome stands for all of them.
        let chromeChanged = (previousValues.map { $0 !== shared } ?? true) || (oldSection.map { $0 != section } ?? true)
        let pictures = Pictures(site)
        let context = AftercarePageContext(site, pictures: pictures)
        let (pageViews, oldPositions) = aftercarePageViews(site, context: context, photos: AftercarePagePhotos(site, pictures: pictures),
                                                           previous: previous)
        // Entries are compared where they are (a copy of each, for 10,000 pages on every save in
        // `serve`, was most of the time it took to make the views).
        let aftercare = site.index.entries.withUnsafeBufferPointer { entries in
            site.aftercare.indices.map { index in
                let related = site.related.related[index]
                // A page whose own view, chrome and related entries are all as before keeps its
                // previous view as it is: no new list, and the comparison below is by identity.
                if let position = oldPositions[index], let previous, case let old = previous.aftercare[position],
                   old.page === pageViews[index], old.chrome == section,
                   old.related.withUnsafeBufferPointer({ kept in
                       kept.count == related.count && related.indices.allSatisfy { kept[$0] == entries[related[$0]] }
                   }) {
                    return old
                }
                return AftercareView(chrome: section, page: pageViews[index], related: related.map { entries[$0] })
            }
        }
        let listings = site.listings.map { listing in
            ListingView(chrome: listing.number == 1 ? chrome("aftercare/") : section, head: listingHead(listing, site: site), listing: listing)
        }
        var others: [String: OutputView] = [:]
        others["index.html"] = .home(home(site, chrome: chrome("")))
        if let faq = site.faq {
            let photos: (String) -> String = { pictures.splice($0, faq.images) }
            others["faq/index.html"] = .faq(FAQView(chrome: chrome("faq/"),
                                                     head: PageHead(kind: .faq, title: faq.title, description: faq.summary, path: "faq/", site: site),
                                                     title: faq.title, summary: faq.summary, intro: photos(faq.introHTML),
                                                     sections: faq.sections.map { FAQSectionView($0, idPrefix: "", url: site.clinic.url, photos: photos) },
                                                     photos: Pictures.sources(faq.images, in: site.images), source: faq.path))
        }
        others["404.html"] = .notFound(NotFoundView(chrome: chrome(nil),
                                                    head: PageHead(kind: .notFound, title: "Page not found", description: nil, path: nil, site: site)))
        for page in site.pages {
            others[page.path + "index.html"] = .page(PageView(
                chrome: chrome(page.path),
                head: PageHead(kind: .page, title: page.title, description: page.summary, path: page.path, site: site, image: page.image),
                source: page.sourcePath, template: page.template, content: pictures.splice(page.content.html, page.images),
                summary: page.summary, date: page.date, updated: page.updated, image: pictures.picture(page.image),
                photos: Pictures.sources([page.image] + page.images, in: site.images)))
        }
        others["sitemap.xml"] = .sitemap(sitemap(site))
        others["robots.txt"] = .robots(RobotsView(url: site.clinic.url))
        others["feed.xml"] = .feed(feed(site, pictures: pictures))
        // Photos are published only as processed files, never as they are.
        for file in assets + site.media.filter({ !PhotoFiles.isPhoto($0.outputPath) }) {
            others[file.outputPath] = .file(FileView(file: file))
        }
        for (key, view) in pictures.files() { others[key] = .image(view) }
        return SiteViews(aftercare: aftercare, listings: listings, others: others, aftercarePages: site.aftercare,
                         pageContext: context, assetNames: assetNames, chromeChanged: chromeChanged)
    }

    /// The aftercare pages' own views: a page that is the same object as in `previous`, with
    /// the same context and no photo, keeps its view (its view reads nothing else: see
    /// ``AftercarePageContext``). With each, the position in `previous` of the page with the
    /// same slug, if any.
    private static func aftercarePageViews(_ site: Site, context: AftercarePageContext, photos: AftercarePagePhotos,
                                           previous: SiteViews?) -> ([Shared<AftercarePageView>], [Int?]) {
        func view(_ page: Shared<AftercarePage>) -> Shared<AftercarePageView> {
            Shared(AftercarePageView(page.value, context: context, photos: photos))
        }
        guard let previous, previous.pageContext == context else {
            return (site.aftercare.map(view), Array(repeating: nil, count: site.aftercare.count))
        }
        var views: [Shared<AftercarePageView>] = []
        var positions: [Int?] = []
        views.reserveCapacity(site.aftercare.count)
        positions.reserveCapacity(site.aftercare.count)
        var old = 0
        for page in site.aftercare {
            // Both lists are sorted by slug: walk the previous one alongside.
            while old < previous.aftercarePages.count, previous.aftercarePages[old].value.slug < page.value.slug { old += 1 }
            let same = old < previous.aftercarePages.count && previous.aftercarePages[old].value.slug == page.value.slug
            positions.append(same ? old : nil)
            if same, previous.aftercarePages[old] === page, !photos.areShown(on: page) {
                views.append(previous.aftercare[old].page)
            } else {
                views.append(view(page))
            }
        }
        return (views, positions)
    }

    private static func listingHead(_ listing: AftercareListing, site: Site) -> PageHead {
        let first = listing.number == 1
        let title = first ? "Aftercare advice" : "Aftercare advice, page \(listing.number) of \(listing.total)"
        let description = "Aftercare advice from \(site.clinic.name), by treatment." + (first ? "" : " Page \(listing.number) of \(listing.total).")
        return PageHead(kind: .aftercareList, title: title, description: description, path: listing.path, site: site)
    }

    private static func home(_ site: Site, chrome: Chrome) -> HomeView {
        let title = site.home.title ?? site.clinic.name
        return HomeView(chrome: chrome,
                        head: PageHead(kind: .home, title: title, description: site.home.summary, path: "", site: site, headTitle: title),
                        intro: Pictures(site).splice(site.home.introHTML, site.home.images),
                        latest: site.newest.prefix(5).map { site.index.entries[$0] },
                        source: site.home.sourcePath, photos: Pictures.sources(site.home.images, in: site.images))
    }

    private static func sitemap(_ site: Site) -> SitemapView {
        // Every page of the aftercare index is as new as the newest aftercare page.
        let newest = site.newest.first.flatMap { site.index.entries[$0].date }
        var pages = [SitemapView.Entry(path: "", lastModified: nil)]
        pages += site.listings.map { SitemapView.Entry(path: $0.path, lastModified: newest) }
        if site.faq != nil { pages.append(SitemapView.Entry(path: "faq/", lastModified: nil)) }
        pages += site.pages.map { SitemapView.Entry(path: $0.path, lastModified: [$0.updated, $0.date].compactMap { $0 }.max()) }
        return SitemapView(url: site.clinic.url, pages: pages, aftercare: site.index.entries)
    }

    private static func feed(_ site: Site, pictures: Pictures) -> FeedView {
        let entries = site.newest.map { index in
            let page = site.aftercare[index].value
            return FeedView.Entry(title: page.title, path: page.path, date: page.date, lastChanged: page.lastChanged,
                                  summary: page.summary, content: pictures.splice(page.content.html, page.images))
        }
        return FeedView(url: site.clinic.url, name: site.clinic.name, language: site.clinic.language, entries: entries)
    }

    /// The theme's assets as published: CSS and JS named by a hash of their content
    /// (`style.css` → `style.3f9a1c0b2e.css`) when `fingerprint` is on.
    private static func assetFiles(_ assets: [StaticFile], fingerprint: Bool,
                                   previous: [StaticFile: String]) throws(BuildFailure) -> ([StaticFile], [StaticFile: String]) {
        var files: [StaticFile] = []
        var names: [StaticFile: String] = [:]
        var problems: [Diagnostic] = []
        for file in assets {
            var output = file
            if fingerprint, Fingerprint.extensions.contains(Path.fileExtension(of: file.outputPath)) {
                if let name = previous[file] {
                    output.outputPath = name
                } else {
                    do {
                        output.outputPath = Fingerprint.name(file.outputPath, hash: Fingerprint.hash(try FileSystem.readBytes(file.sourcePath)))
                    } catch {
                        problems.append(Diagnostic(SourceLocation(path: file.displayPath), "could not read: \(error)", stage: .output))
                        continue
                    }
                }
                names[file] = output.outputPath
            }
            files.append(output)
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return (files, names)
    }

    /// Every output, in a fixed order: aftercare pages, the index's pages, then the others by key.
    public var outputs: [Output] {
        aftercare.map { Output(key: $0.page.value.key, view: .aftercare($0)) }
            + listings.map { Output(key: $0.listing.path + "index.html", view: .listing($0)) }
            + others.keys.sorted().map { Output(key: $0, view: others[$0]!) }
    }

    /// The outputs whose views differ from `old`'s (every output when there is no `old`), and
    /// the keys `old` had that are gone.
    public func changes(since old: SiteViews?) -> (changed: [Output], removed: [String]) {
        guard let old else { return (outputs, []) }
        var changed: [Output] = []
        var removed: [String] = []
        var position = 0
        for view in aftercare {
            // The common case first: the same page object as before (so the same slug), whose
            // view compares by identity when it was kept as it was.
            if position < old.aftercare.count, old.aftercare[position].page === view.page {
                if old.aftercare[position] != view { changed.append(Output(key: view.page.value.key, view: .aftercare(view))) }
                position += 1
                continue
            }
            let key = view.page.value.key
            while position < old.aftercare.count, old.aftercare[position].page.value.slug < view.page.value.slug {
                removed.append(old.aftercare[position].page.value.key)
                position += 1
            }
            if position < old.aftercare.count, old.aftercare[position].page.value.slug == view.page.value.slug {
                if old.aftercare[position] != view { changed.append(Output(key: key, view: .aftercare(view))) }
                position += 1
            } else {
                changed.append(Output(key: key, view: .aftercare(view)))
            }
        }
        removed += old.aftercare[position...].map { $0.page.value.key }
        for (number, view) in listings.enumerated() where number >= old.listings.count || old.listings[number] != view {
            changed.append(Output(key: view.listing.path + "index.html", view: .listing(view)))
        }
        removed += old.listings.dropFirst(listings.count).map { $0.listing.path + "index.html" }
        for key in others.keys.sorted() where old.others[key] != others[key] {
            changed.append(Output(key: key, view: others[key]!))
        }
        removed += old.others.keys.filter { others[$0] == nil }
        return (changed, removed.sorted())
    }
}
