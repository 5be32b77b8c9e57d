/// One address in `sitemap.xml`.
struct SitemapEntry: Equatable, Sendable {
    var path: String
    var lastModified: Day?
}

/// Everything needed to render a site's pages, computed once: contexts shared by every
/// page, structured data, related pages and the frame cache. Each output file has its own
/// method, so a full build renders them all and an incremental rebuild only those a change
/// touches.
///
/// Read from many threads at once while rendering; changed (``changeAftercarePage(at:with:)``,
/// ``insertAftercarePage(_:at:)`` …) only between renders, by one caller.
final class RenderSession: @unchecked Sendable {
    private(set) var site: Site
    let templates: TemplateSet
    let context: SiteContext
    let structured: StructuredData
    private(set) var related: RelatedPages
    private var frames: [String: TemplateSet] = [:]

    /// - Parameter assetPaths: asset output paths to the links pages use for them.
    init(site: Site, templates: TemplateSet, assetPaths: [String: String]) {
        self.site = site
        self.templates = templates
        self.context = SiteContext(site: site, assetPaths: assetPaths)
        self.structured = StructuredData(site: site)
        self.related = RelatedPages(site.aftercare)
        self.index = AftercareIndex(site.aftercare)
        self.listings = AftercareListing.paginate(index, perPage: site.clinic.aftercarePerPage)
        self.newest = site.aftercareNewest(Feeds.feedLimit)
        // Partials that come out the same on every aftercare page are rendered once.
        for name in Set(site.aftercare.map(\.template)).sorted() {
            let indices = site.aftercare.indices.filter { site.aftercare[$0].template == name }
            frames[name] = FrameCache.specialize(templates, for: name, shared: context.aftercareShared,
                                                 samples: [indices.first!, indices.last!].map(aftercareValues),
                                                 pageKeys: ["page", "json_ld"])
        }
        prepareListingFrame()
    }

    /// Replaces one aftercare page by a new version that listings and related pages show and
    /// rank alike (a body edit): the index and related pages stay as they are.
    func replaceAftercarePage(at index: Int, with page: AftercarePage) {
        site.aftercare[index] = page
    }

    /// Takes changed aftercare pages (an old version, a new one, or both) one change at a time,
    /// each keeping the pages, the index and related pages as a full build of the new pages
    /// makes them: pages leaving or changing address first (so a page taking an address
    /// another one left finds it free), then pages saved at the same address, then pages
    /// arriving. Plans the listings again.
    ///
    /// - Returns: the indices of the new versions, and of the pages whose related list changed.
    func applyAftercareChanges(_ changes: [(old: AftercarePage?, new: AftercarePage?)]) -> (changed: Set<Int>, related: Set<Int>) {
        var changed: Set<Int> = []
        var related: Set<Int> = []
        /// Indices after a page came (`by: 1`) or went (`by: -1`) at `index`.
        func shift(_ set: Set<Int>, from index: Int, by offset: Int) -> Set<Int> {
            Set(set.compactMap { $0 < index ? $0 : offset < 0 && $0 == index ? nil : $0 + offset })
        }
        for case let (old?, new) in changes where new?.slug != old.slug {
            let index = aftercareIndex(ofSlug: old.slug)!
            let relatedNow = removeAftercarePage(at: index)
            changed = shift(changed, from: index, by: -1)
            related = shift(related, from: index, by: -1).union(relatedNow)
        }
        for case let (old?, new?) in changes where new.slug == old.slug {
            let index = aftercareIndex(ofSlug: old.slug)!
            related.formUnion(changeAftercarePage(at: index, with: new))
            changed.insert(index)
        }
        for case let (old, new?) in changes where new.slug != old?.slug {
            let index = aftercarePosition(ofSlug: new.slug)
            let relatedNow = insertAftercarePage(new, at: index)
            changed = shift(changed, from: index, by: 1).union([index])
            related = shift(related, from: index, by: 1).union(relatedNow)
        }
        planListings()
        return (changed, related)
    }

    /// Replaces one aftercare page by a new version at the same address, and updates the
    /// index and related pages with it; returns the pages whose related list changed.
    private func changeAftercarePage(at index: Int, with page: AftercarePage) -> Set<Int> {
        site.aftercare[index] = page
        updateEntry(index)
        return related.update([(index, RelatedPages.Key(page))])
    }

    /// Takes a new aftercare page at `index`, its place by slug (pages from there on move up
    /// by one); returns the pages whose related list changed, by their new index.
    private func insertAftercarePage(_ page: AftercarePage, at index: Int) -> Set<Int> {
        precondition(index == aftercarePosition(ofSlug: page.slug), "aftercare pages are kept in slug order")
        site.aftercare.insert(page, at: index)
        self.index.insert(ListingEntry(page), at: index)
        return related.insert(RelatedPages.Key(page), at: index)
    }

    /// Lets go of aftercare page `index` (pages after it move down by one); returns the pages
    /// whose related list changed, by their new index.
    private func removeAftercarePage(at index: Int) -> Set<Int> {
        site.aftercare.remove(at: index)
        self.index.remove(at: index)
        return related.remove(at: index)
    }

    /// Where the aftercare page with `slug` is, or would go: pages are in slug order.
    func aftercarePosition(ofSlug slug: String) -> Int {
        firstPosition(in: site.aftercare.count) { site.aftercare[$0].slug < slug }
    }

    /// The index of the aftercare page with `slug`, if there is one.
    func aftercareIndex(ofSlug slug: String) -> Int? {
        let position = aftercarePosition(ofSlug: slug)
        return position < site.aftercare.count && site.aftercare[position].slug == slug ? position : nil
    }

    /// Takes page `page`'s entry into the index: it moves within its group, or to another
    /// group when its treatment changed.
    private func updateEntry(_ page: Int) {
        let entry = ListingEntry(site.aftercare[page])
        if !index.replace(page, with: entry) {
            index.remove(at: page)
            index.insert(entry, at: page)
        }
    }

    /// Plans the pages of the aftercare index and the newest pages again, after changes to
    /// the aftercare pages.
    private func planListings() {
        listings = AftercareListing.paginate(index, perPage: site.clinic.aftercarePerPage)
        newest = site.aftercareNewest(Feeds.feedLimit)
        prepareListingFrame()
    }

    /// The aftercare index in order, kept up to date with the pages.
    private var index: AftercareIndex

    /// The Mustache context of aftercare page `index`.
    func aftercareValues(_ index: Int) -> [String: Any] {
        let page = site.aftercare[index]
        var fields: [String: Any] = [
            "content": page.content.html,
            "word_count": page.content.wordCount,
            "reading_minutes": page.content.readingMinutes,
            "tags": page.tags,
            "has_tags": !page.tags.isEmpty,
        ]
        fields["summary"] = page.summary
        fields["treatment"] = page.treatment.map(Site.displayTreatment)
        fields["date"] = context.dayContext(page.date)
        fields["updated"] = context.dayContext(page.updated)
        fields["reviewed"] = context.dayContext(page.reviewed)
        fields["reviewed_by"] = page.reviewedBy
        let toc = page.content.headings.filter { $0.level == 2 || $0.level == 3 }
        fields["toc"] = toc.map { ["level": $0.level, "id": $0.id, "title": $0.title, "is_sub": $0.level == 3] as [String: Any] }
        fields["has_toc"] = toc.count >= 3
        fields["faq_sections"] = page.faqSections.map { context.faqSection($0, idPrefix: "faq-") }
        fields["has_faq"] = !page.faqSections.isEmpty
        fields["qr_code"] = QRCode.svg(for: site.clinic.url.absolute(page.path),
                                       label: "QR code for \(site.clinic.url.absolute(page.path))")
        let related = related.related[index].map { context.entry(self.index.entries[$0]) }
        fields["related"] = related
        fields["has_related"] = !related.isEmpty
        return context.page(kind: "aftercare", title: page.title, description: page.summary, path: page.path,
                            fields: fields, jsonLD: structured.aftercare(page), shared: context.aftercareShared)
    }

    /// Aftercare page `index`: its output path and HTML.
    func aftercare(_ index: Int) -> (path: String, html: String) {
        let page = site.aftercare[index]
        let specialized = frames[page.template] ?? templates
        return (page.path + "index.html", specialized.render(page.template, aftercareValues(index)))
    }

    /// Another page.
    func page(_ page: Page) -> (path: String, html: String) {
        var fields: [String: Any] = ["content": page.content.html]
        fields["summary"] = page.summary
        fields["date"] = context.dayContext(page.date)
        fields["updated"] = context.dayContext(page.updated)
        let node = structured.webPage(title: page.title, description: page.summary, path: page.path)
        let values = context.page(kind: "page", title: page.title, description: page.summary, path: page.path,
                                  fields: fields, jsonLD: structured.script([.object(node)]))
        return (page.path + "index.html", templates.render(page.template, values))
    }

    /// The newest aftercare pages, as many as the feed carries (indices, newest first).
    private(set) var newest: [Int]

    /// The home page's latest aftercare advice: the five newest pages.
    var latestAftercare: [ListingEntry] {
        newest.prefix(5).map { index.entries[$0] }
    }

    /// What the feed shows: its pages' slugs, newest first (their content aside).
    var feedOrder: [String] {
        newest.map { site.aftercare[$0].slug }
    }

    /// The home page (`index.html`).
    func home() -> String {
        let latest = latestAftercare.map(context.entry)
        let node = structured.webPage(title: site.home.title ?? site.clinic.name, description: site.home.summary ?? site.clinic.description, path: "")
        let values = context.page(kind: "home", title: site.home.title ?? site.clinic.name,
                                  description: site.home.summary ?? site.clinic.description, path: "",
                                  extra: ["intro": site.home.introHTML, "latest_aftercare": Array(latest), "has_latest": !latest.isEmpty],
                                  jsonLD: structured.script([.object(node)]))
        return templates.render("home", values)
    }

    /// The pages of the aftercare index, grouped by treatment (`aftercare/index.html`, then
    /// `aftercare/page/2/index.html` …), as planned for the current aftercare pages.
    private(set) var listings: [AftercareListing]

    /// How many pages the site has: the one definition `build`, `check` and `serve` report.
    /// A page is an HTML file rendered from a template: the home page, each aftercare page,
    /// each page of the aftercare index, the FAQ, each other page, and `404.html`. Files
    /// copied from `templates/assets/` and `content/media/` are files, not pages, whatever
    /// their names.
    var pageCount: Int {
        1 + site.aftercare.count + listings.count + (site.faq == nil ? 0 : 1) + site.pages.count + 1
    }

    /// Templates for the pages of the aftercare index after the first, with the partials
    /// that come out the same on each of them rendered once (see ``FrameCache``); nil while
    /// the index has one page.
    private var listingFrame: TemplateSet?

    /// Specializes the templates for the pages of the index after the first, once there are
    /// any. They show the menu as aftercare pages do (a slug has no `/`, so no menu page can
    /// be at `aftercare/page/N/`): they share the aftercare pages' values.
    private func prepareListingFrame() {
        guard listingFrame == nil, listings.count > 1 else { return }
        listingFrame = FrameCache.specialize(templates, for: "aftercare-list", shared: context.aftercareShared,
                                             samples: [listings[1], listings[listings.count - 1]].map(listingValues))
    }

    /// Whether listing page `new` can render other than `old` did. Adding or removing a page
    /// changes its treatment's `count` on every page of the index; counts are left out of
    /// the comparison when no template has the word `count`.
    func listingDiffers(_ old: AftercareListing, _ new: AftercareListing) -> Bool {
        guard old != new else { return false }
        guard !templates.mentions("count") else { return true }
        func withoutCounts(_ listing: AftercareListing) -> AftercareListing {
            var listing = listing
            for treatment in listing.treatments.indices { listing.treatments[treatment].count = 0 }
            return listing
        }
        return withoutCounts(old) != withoutCounts(new)
    }

    /// One page of the aftercare index: its output path and HTML.
    func aftercareListing(_ listing: AftercareListing) -> (path: String, html: String) {
        let templates = listing.number > 1 ? listingFrame ?? self.templates : self.templates
        return (listing.path + "index.html", templates.render("aftercare-list", listingValues(listing)))
    }

    /// The Mustache context of one page of the aftercare index.
    private func listingValues(_ listing: AftercareListing) -> [String: Any] {
        let url = site.clinic.url
        let first = listing.number == 1
        let title = first ? "Aftercare advice" : "Aftercare advice, page \(listing.number) of \(listing.total)"
        let description = "Aftercare advice from \(site.clinic.name), by treatment." + (first ? "" : " Page \(listing.number) of \(listing.total).")
        let groups = listing.groups.map { group -> [String: Any] in
            ["treatment": group.treatment, "id": group.id, "continued": group.continued, "pages": group.entries.map(context.entry)]
        }
        let treatments = listing.treatments.map { treatment -> [String: Any] in
            let link = treatment.page == listing.number ? "#" + treatment.id : url.path(AftercareListing.path(treatment.page)) + "#" + treatment.id
            return ["treatment": treatment.name, "id": treatment.id, "url": link, "count": treatment.count]
        }
        var extra: [String: Any] = ["groups": groups, "has_groups": !groups.isEmpty,
                                    "treatments": treatments, "has_treatments": !treatments.isEmpty]
        if listing.total > 1 {
            var pagination: [String: Any] = [
                "number": listing.number, "total": listing.total,
                "has_previous": listing.number > 1, "has_next": listing.number < listing.total,
                "pages": listing.pageLinks.map { number -> [String: Any] in
                    guard let number else { return ["gap": true] }
                    return ["number": number, "url": url.path(AftercareListing.path(number)), "current": number == listing.number, "gap": false]
                },
            ]
            if listing.number > 1 { pagination["previous_url"] = url.path(AftercareListing.path(listing.number - 1)) }
            if listing.number < listing.total { pagination["next_url"] = url.path(AftercareListing.path(listing.number + 1)) }
            extra["pagination"] = pagination
        }
        var node = structured.webPage(type: "CollectionPage", title: title, description: description, path: listing.path)
        node["hasPart"] = .array(listing.entries.map { ["@id": .string(url.absolute($0.path))] })
        var trail: [(name: String, path: String)] = [("Home", ""), ("Aftercare", "aftercare/")]
        if !first { trail.append(("Page \(listing.number)", listing.path)) }
        return context.page(kind: "aftercare-list", title: title, description: description, path: listing.path,
                            extra: extra, jsonLD: structured.script([.object(node), structured.breadcrumbs(trail)]),
                            shared: first ? nil : context.aftercareShared)
    }

    /// The FAQ page (`faq/index.html`), when the site has one.
    func faq() -> String? {
        guard let faq = site.faq else { return nil }
        let sections = faq.sections.map { context.faqSection($0, idPrefix: "") }
        let node = structured.webPage(title: faq.title, description: faq.summary, path: "faq/")
        let values = context.page(kind: "faq", title: faq.title, description: faq.summary, path: "faq/",
                                  extra: ["faq": ["title": faq.title, "intro": faq.introHTML, "sections": sections] as [String: Any]],
                                  jsonLD: structured.script([.object(node), structured.faqPage(faq.sections, path: "faq/", name: faq.title)]))
        return templates.render("faq", values)
    }

    /// `404.html`: no canonical address, not in the sitemap.
    func notFound() -> String {
        let values = context.page(kind: "404", title: "Page not found", description: nil, path: nil, jsonLD: structured.script([]))
        return templates.render("404", values)
    }

    /// What `sitemap.xml` lists: every address, with its last change when known.
    var sitemapEntries: [SitemapEntry] {
        // Every page of the aftercare index: as new as the newest aftercare page (dated pages
        // come first in `newest`).
        let newest = self.newest.first.flatMap { index.entries[$0].date }
        var entries: [SitemapEntry] = [SitemapEntry(path: "", lastModified: nil)]
        entries += listings.map { SitemapEntry(path: $0.path, lastModified: newest) }
        if site.faq != nil { entries.append(SitemapEntry(path: "faq/", lastModified: nil)) }
        entries += site.pages.map { SitemapEntry(path: $0.path, lastModified: [$0.updated, $0.date].compactMap { $0 }.max()) }
        // From the index's entries (address and date): mapping the pages themselves would
        // copy every page.
        entries += index.entries.lazy.map { SitemapEntry(path: $0.path, lastModified: $0.date) }
        return entries
    }

    /// `sitemap.xml`
    func sitemap() -> String { Feeds.sitemap(sitemapEntries, site: site) }

    /// `robots.txt`
    func robots() -> String { Feeds.robots(site: site) }

    /// `feed.xml`
    func feed() -> String { Feeds.atom(site: site, entries: newest) }

    /// The slugs of the aftercare pages the feed carries.
    var feedSlugs: Set<String> { Set(feedOrder) }
}
