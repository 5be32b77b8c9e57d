import ClinicBase
import ClinicContent
import ClinicMarkdown
/// Stages 2–4: front matter, Markdown and the site model, from the files stage 1 read.
public enum SiteLoader {
    /// Builds the site model. Returns nil when any error was found; the diagnostics hold
    /// every error and warning from every file.
    ///
    /// `sources` is consumed: each aftercare file's text is let go as soon as it is parsed, so
    /// a caller that hands over its only copy never holds every source and every rendered
    /// page at once (a 10,000-page build's peak memory).
    public static func load(_ sources: consuming SiteSources, options: BuildOptions) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var clinicValue: Clinic?
        if let clinicFile = sources.clinic {
            let (value, found) = Clinic.read(clinicFile)
            diagnostics += found
            clinicValue = value
        }
        // Without a usable clinic.yml the pages are still read, with default Markdown options,
        // so their errors are reported in the same run.
        let markdownOptions = clinicValue.map { MarkdownOptions(unsafeHTML: $0.unsafeHTML, basePath: $0.url.basePath) } ?? MarkdownOptions()
        var excluded: [Exclusion] = []

        // FAQ first: aftercare pages refer to its sections.
        var faq: FAQ?
        if let file = sources.faq {
            let (document, found) = PageDocument.read(file, kind: .faq)
            diagnostics += found
            if let document {
                let parsed = FAQParser.parse(document.body, path: file.path, firstLine: document.bodyFirstLine, options: markdownOptions)
                diagnostics += parsed.diagnostics
                faq = FAQ(title: document.frontMatter.title ?? "Frequently asked questions",
                          summary: document.frontMatter.summary, introHTML: parsed.introHTML,
                          sections: parsed.sections, path: file.path, links: parsed.links, headings: parsed.headings)
            }
        }

        var home = HomePage(sourcePath: nil, title: nil, summary: nil, introHTML: "")
        if let file = sources.index {
            let (document, found) = PageDocument.read(file, kind: .home)
            diagnostics += found
            if let document {
                let rendered = MarkdownRenderer.render(document.body, options: markdownOptions, firstLine: document.bodyFirstLine)
                home = HomePage(sourcePath: file.path, title: document.frontMatter.title,
                                summary: document.frontMatter.summary ?? rendered.firstParagraph, introHTML: rendered.html,
                                links: rendered.links, headings: rendered.headings)
            }
        }

        struct Parsed: Sendable {
            package var document: PageDocument?
            package var diagnostics: [Diagnostic]
            package var exclusion: Exclusion?
            package var content: RenderedMarkdown?
        }
        let parse: @Sendable (SourceFile, PageKind) -> Parsed = { file, kind in
            var (document, content, exclusion, found) = parsePage(file, kind: kind, options: options, markdown: markdownOptions)
            // Rendered: the text is not needed any more, only the front matter and the places.
            document?.body = ""
            document?.file.text = ""
            return Parsed(document: document, diagnostics: found, exclusion: exclusion, content: content)
        }
        let slots = sources.aftercare.map(TakeOnce.init)
        sources.aftercare = []
        let parsedAftercare = options.parallel
            ? parallelMap(slots) { parse($0.take(), .aftercare) }
            : slots.map { parse($0.take(), .aftercare) }
        let parsedPages = sources.pages.map { parse($0, .page) }

        var addresses = AddressBook(reserved: reservedAddresses)

        func slug(for document: PageDocument) -> String? {
            SiteLoader.slug(for: document, diagnostics: &diagnostics)
        }

        var aftercare: [AftercarePage] = []
        for parsed in parsedAftercare {
            diagnostics += parsed.diagnostics
            if let excludedPage = parsed.exclusion { excluded.append(excludedPage) }
            guard let document = parsed.document, let content = parsed.content else { continue }
            let matter = document.frontMatter
            guard let page = aftercarePage(document, content: content, faq: faq, diagnostics: &diagnostics) else { continue }
            if let problem = addresses.claim(page.path, by: page.sourcePath) {
                diagnostics.append(Diagnostic(matter.slugLocation ?? document.file.start, problem, stage: .model))
                continue
            }
            aftercare.append(page)
        }

        var pages: [Page] = []
        for parsed in parsedPages {
            diagnostics += parsed.diagnostics
            if let excludedPage = parsed.exclusion { excluded.append(excludedPage) }
            guard let document = parsed.document, let content = parsed.content else { continue }
            let matter = document.frontMatter
            guard let title = matter.title, let slug = slug(for: document) else { continue }
            let page = Page(sourcePath: document.file.path, slug: slug, title: title,
                            summary: matter.summary ?? content.firstParagraph, date: matter.date, updated: matter.updated,
                            draft: matter.draft, menu: matter.menu, template: matter.template ?? "page",
                            templateLocation: matter.templateLocation, content: content)
            if let problem = addresses.claim(page.path, by: page.sourcePath) {
                diagnostics.append(Diagnostic(matter.slugLocation ?? document.file.start, problem, stage: .model))
                continue
            }
            pages.append(page)
        }

        guard diagnostics.errors.isEmpty, let clinic = clinicValue else { return (nil, diagnostics) }
        let site = Site(clinic: clinic, home: home,
                        aftercare: aftercare.sorted { $0.slug < $1.slug },
                        pages: pages.sorted { $0.slug < $1.slug },
                        faq: faq, media: sources.media, assets: sources.assets,
                        excluded: excluded.sorted { $0.path < $1.path })
        return (site, diagnostics)
    }

    /// The slug of a page: its `slug:` when valid, else one made from its file name.
    package static func slug(for document: PageDocument, diagnostics: inout [Diagnostic]) -> String? {
        let matter = document.frontMatter
        if let explicit = matter.slug {
            if let problem = Slug.problem(with: explicit) {
                diagnostics.append(Diagnostic(matter.slugLocation ?? matter.location, problem, stage: .model))
                return nil
            }
            return explicit
        }
        let made = Slug.make(from: Path.stem(of: document.file.relativePath))
        if made.isEmpty {
            diagnostics.append(Diagnostic(document.file.start, "cannot make an address from this file name; add 'slug: some-words' to its front matter", stage: .model))
            return nil
        }
        return made
    }

    /// Reads and parses one page file: no content, with the reason, when it is left out
    /// (draft, future, expired); no document when its front matter is broken.
    package static func parsePage(_ file: SourceFile, kind: PageKind, options: BuildOptions, markdown: MarkdownOptions)
        -> (document: PageDocument?, content: RenderedMarkdown?, exclusion: Exclusion?, diagnostics: [Diagnostic]) {
        let (document, found) = PageDocument.read(file, kind: kind)
        guard let document else { return (nil, nil, nil, found) }
        if let excluded = exclusion(document.frontMatter, path: file.path, options: options) {
            return (document, nil, excluded, found)
        }
        let content = MarkdownRenderer.render(document.body, options: markdown, firstLine: document.bodyFirstLine)
        return (document, content, nil, found)
    }

    /// The model of an aftercare page, or nil (with the errors) when it has no title, a bad
    /// slug, or names FAQ sections that do not exist.
    package static func aftercarePage(_ document: PageDocument, content: RenderedMarkdown, faq: FAQ?,
                              diagnostics: inout [Diagnostic]) -> AftercarePage? {
        let matter = document.frontMatter
        guard let title = matter.title, let slug = slug(for: document, diagnostics: &diagnostics) else { return nil }
        var sections: [FAQSection] = []
        for wanted in matter.faq {
            if let section = faq?.section(titled: wanted.title) {
                sections.append(section)
            } else {
                let known = faq.map { $0.sections.map { "'\($0.title)'" }.joined(separator: ", ") } ?? ""
                let message = faq == nil
                    ? "'faq' names the section '\(wanted.title)', but there is no content/faq.md"
                    : "'faq' names the section '\(wanted.title)', which content/faq.md does not have (it has \(known))"
                diagnostics.append(Diagnostic(wanted.location, message, stage: .model))
            }
        }
        return AftercarePage(sourcePath: document.file.path, slug: slug, title: title,
                             summary: matter.summary ?? content.firstParagraph, hasOwnSummary: matter.summary != nil,
                             treatment: matter.treatment, date: matter.date, updated: matter.updated,
                             reviewed: matter.reviewed, reviewedLocation: matter.reviewedLocation,
                             reviewedBy: matter.reviewedBy, tags: matter.tags,
                             draft: matter.draft, faqSections: sections, template: matter.template ?? "aftercare",
                             templateLocation: matter.templateLocation, content: content)
    }

    /// Addresses the site itself uses, with what uses them.
    package static let reservedAddresses = [
        "aftercare/": "the aftercare index", "faq/": "the FAQ page",
        "assets/": "the theme's assets folder", "media/": "the media folder",
    ]

    /// Why a page is left out of this build, or nil when it is in.
    package static func exclusion(_ matter: PageFrontMatter, path: String, options: BuildOptions) -> Exclusion? {
        if matter.draft, !options.includeDrafts {
            return Exclusion(path: path, reason: "draft (build with --drafts to include it)")
        }
        if let date = matter.date, date > options.today, !options.includeFuture {
            return Exclusion(path: path, reason: "dated \(date.iso), in the future (build with --future to include it)")
        }
        if let expires = matter.expires, expires < options.today, !options.includeExpired {
            return Exclusion(path: path, reason: "expired on \(expires.iso) (build with --expired to include it)")
        }
        return nil
    }
}
