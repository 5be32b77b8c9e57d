import ClinicBase
import ClinicContent
import ClinicMarkdown

extension Site {
    /// The outcome of a save.
    public enum Update: Sendable {
        /// The next value of the site.
        case updated(Site)
        /// The save breaks the site: every error and warning. This value stays the last good one.
        case failed(BuildFailure)
        /// The save changes how every page is read (the Markdown options in `clinic.yml`) or
        /// the shape of the folder: load the whole site again.
        case needsFullLoad
    }

    /// The next value of the site after `changes` (with `found`, what reading them reported):
    /// the same value ``load(_:found:options:)`` makes from the files as they are now. Only
    /// the changed files are read; pages that did not change are shared with this value; the
    /// aftercare index and related pages are updated in place, one changed page at a time.
    /// `images` is the catalog the last value was made with (its facts are kept).
    public func applying(_ changes: ContentChanges, found: [Diagnostic], options: BuildOptions,
                         images: ImageCatalog = ImageCatalog(folder: nil)) -> Update {
        guard !changes.needsFullLoad else { return .needsFullLoad }
        var parts = self.parts
        var diagnostics = found
        // What the changed files said before goes; what they say now comes.
        parts.warnings.removeAll { changes.paths.contains($0.location.path) }
        parts.excluded.removeAll { changes.paths.contains($0.path) }
        if let change = changes.clinic {
            parts.clinic = nil
            if case .saved(let file) = change {
                let (clinic, problems) = PageReader.clinic(file)
                diagnostics += problems
                parts.clinic = clinic
            }
            guard PageReader.markdownOptions(parts.clinic) == PageReader.markdownOptions(clinic) else { return .needsFullLoad }
        }
        let reader = PageReader(options: options, markdown: PageReader.markdownOptions(clinic))
        if let change = changes.faq {
            parts.faq = nil
            if case .saved(let file) = change {
                let (faq, problems) = reader.faq(file)
                diagnostics += problems
                parts.faq = faq
            }
        }
        if let change = changes.home {
            let file: SourceFile? = if case .saved(let file) = change { file } else { nil }
            let (home, problems) = reader.home(file)
            diagnostics += problems
            parts.home = home
        }
        parts.pages = Self.applying(changes.pages, to: parts.pages, reader: reader, excluded: &parts.excluded, diagnostics: &diagnostics)
        var aftercare = AftercareChanges(parts)
        aftercare.apply(changes.aftercare, reader: reader, faq: parts.faq, excluded: &parts.excluded, diagnostics: &diagnostics)
        if changes.faq != nil {
            aftercare.lookUpSections(in: parts.faq, diagnostics: &diagnostics)
        }
        aftercare.store(into: &parts)
        if let media = changes.media { parts.media = media }
        if let assets = changes.assets { parts.assets = assets }
        switch Self.assemble(parts, found: diagnostics + parts.warnings, images: images, today: options.today) {
        case .success(let site): return .updated(site)
        case .failure(let failure): return .failed(failure)
        }
    }

    /// `pages` after the changes to other pages (`content/*.md`), sorted by address.
    private static func applying(_ changes: [(path: String, change: ContentChanges.Change)], to pages: [Page], reader: PageReader,
                                 excluded: inout [Exclusion], diagnostics: inout [Diagnostic]) -> [Page] {
        guard !changes.isEmpty else { return pages }
        let changed = Set(changes.map(\.path))
        var pages = pages.filter { !changed.contains($0.sourcePath) }
        for case let (_, .saved(file)) in changes {
            let parsed = reader.page(file)
            diagnostics += parsed.diagnostics
            if let exclusion = parsed.exclusion { excluded.append(exclusion) }
            if let page = parsed.value { pages.append(page) }
        }
        return pages.sorted { $0.slug < $1.slug }
    }
}

/// The aftercare pages, their index and their related pages, changed one page at a time, so
/// that after each step they are what a full load of the pages as they then are makes.
private struct AftercareChanges {
    var pages: [Shared<AftercarePage>]
    var index: AftercareIndex
    var related: RelatedPages

    init(_ parts: Site.Parts) {
        pages = parts.aftercare
        index = parts.index!
        related = parts.related!
    }

    func store(into parts: inout Site.Parts) {
        parts.aftercare = pages
        parts.index = index
        parts.related = related
    }

    /// Reads the changed files and takes their pages: pages leaving or changing address
    /// first (so a page taking an address another one left finds it free), then pages saved
    /// at the same address, then pages arriving.
    mutating func apply(_ changes: [(path: String, change: ContentChanges.Change)], reader: PageReader, faq: FAQ?,
                        excluded: inout [Exclusion], diagnostics: inout [Diagnostic]) {
        var touched: [(old: AftercarePage?, new: AftercarePage?)] = []
        for (path, change) in changes {
            let old = pages.first { $0.value.sourcePath == path }?.value
            var new: AftercarePage?
            if case .saved(let file) = change {
                let parsed = reader.aftercare(file, faq: faq)
                diagnostics += parsed.diagnostics
                if let exclusion = parsed.exclusion { excluded.append(exclusion) }
                new = parsed.value
            }
            touched.append((old, new))
        }
        for case let (old?, new) in touched where new?.slug != old.slug {
            remove(at: position(of: old))
        }
        for case let (old?, new?) in touched where new.slug == old.slug {
            replace(at: position(of: old), with: new)
        }
        for case let (old, new?) in touched where new.slug != old?.slug {
            insert(new)
        }
    }

    /// Looks up every page's FAQ sections again in a new FAQ; a page whose sections are the
    /// same stays the same object.
    mutating func lookUpSections(in faq: FAQ?, diagnostics: inout [Diagnostic]) {
        for position in pages.indices where !pages[position].value.faqReferences.isEmpty {
            let (sections, problems) = PageReader.sections(pages[position].value.faqReferences, in: faq)
            diagnostics += problems
            guard sections != pages[position].value.faqSections else { continue }
            var page = pages[position].value
            page.faqSections = sections
            pages[position] = Shared(page)
        }
    }

    /// Where `page` is: by slug, and by file among pages with the same slug.
    private func position(of page: AftercarePage) -> Int {
        var position = Site.position(ofSlug: page.slug, in: pages)
        while pages[position].value.sourcePath != page.sourcePath { position += 1 }
        return position
    }

    private mutating func remove(at position: Int) {
        pages.remove(at: position)
        index.remove(at: position)
        _ = related.remove(at: position)
    }

    private mutating func replace(at position: Int, with page: AftercarePage) {
        pages[position] = Shared(page)
        let entry = ListingEntry(page)
        if !index.replace(position, with: entry) {
            index.remove(at: position)
            index.insert(entry, at: position)
        }
        _ = related.update([(position, RelatedPages.Key(page))])
    }

    private mutating func insert(_ page: AftercarePage) {
        let position = Site.position(ofSlug: page.slug, in: pages)
        pages.insert(Shared(page), at: position)
        index.insert(ListingEntry(page), at: position)
        _ = related.insert(RelatedPages.Key(page), at: position)
    }
}
