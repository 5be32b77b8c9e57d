import ClinicBase
import ClinicContent
import ClinicMarkdown

/// Reads one source file into its part of the model: front matter, Markdown, and the rules
/// that hold within one file. Used alike by a full load and by a save.
struct PageReader: Sendable {
    let options: BuildOptions
    let markdown: MarkdownOptions

    /// What reading one page file gave.
    struct Parsed<Value: Sendable>: Sendable {
        var value: Value?
        var exclusion: Exclusion?
        var diagnostics: [Diagnostic] = []
    }

    /// The clinic from `clinic.yml`, or nil with the errors.
    static func clinic(_ file: SourceFile) -> (Clinic?, [Diagnostic]) {
        Clinic.read(file)
    }

    /// The Markdown options a clinic asks for.
    static func markdownOptions(_ clinic: Clinic?) -> MarkdownOptions {
        clinic.map { MarkdownOptions(unsafeHTML: $0.unsafeHTML, basePath: $0.url.basePath) } ?? MarkdownOptions()
    }

    /// The FAQ page from `faq.md`.
    func faq(_ file: SourceFile) -> (FAQ?, [Diagnostic]) {
        let (document, found) = PageDocument.read(file, kind: .faq)
        guard let document else { return (nil, found) }
        let parsed = FAQParser.parse(document.body, path: file.path, firstLine: document.bodyFirstLine, options: markdown)
        var diagnostics = found + parsed.diagnostics
        let images = Self.images(parsed.images, in: file, heroFirst: false, diagnostics: &diagnostics)
        let faq = FAQ(title: document.frontMatter.title ?? "Frequently asked questions",
                      summary: document.frontMatter.summary, introHTML: parsed.introHTML,
                      sections: parsed.sections, path: file.path, links: parsed.links, headings: parsed.headings,
                      images: images)
        return (faq, diagnostics)
    }

    /// The home page's introduction from `index.md`.
    func home(_ file: SourceFile?) -> (HomePage, [Diagnostic]) {
        let empty = HomePage(sourcePath: nil, title: nil, summary: nil, introHTML: "")
        guard let file else { return (empty, []) }
        let (document, found) = PageDocument.read(file, kind: .home)
        guard let document else { return (empty, found) }
        let rendered = MarkdownRenderer.render(document.body, options: markdown, firstLine: document.bodyFirstLine)
        var diagnostics = found
        let images = Self.images(rendered.images, in: file, heroFirst: false, diagnostics: &diagnostics)
        let home = HomePage(sourcePath: file.path, title: document.frontMatter.title,
                            summary: document.frontMatter.summary ?? rendered.firstParagraph, introHTML: rendered.html,
                            links: rendered.links, headings: rendered.headings, images: images)
        return (home, diagnostics)
    }

    /// An aftercare page, its FAQ sections looked up in `faq`; the file's text is let go as
    /// soon as it is parsed.
    func aftercare(_ file: consuming SourceFile, faq: FAQ?) -> Parsed<AftercarePage> {
        var parsed = Parsed<AftercarePage>()
        guard let (document, content, summary) = document(file, kind: .aftercare, into: &parsed) else { return parsed }
        let matter = document.frontMatter
        guard let title = matter.title, let slug = Self.slug(for: document, diagnostics: &parsed.diagnostics) else { return parsed }
        let references = matter.faq.map { FAQReference(title: $0.title, location: $0.location) }
        let (sections, problems) = Self.sections(references, in: faq)
        parsed.diagnostics += problems
        parsed.value = AftercarePage(
            sourcePath: document.file.path, slug: slug, slugLocation: matter.slugLocation ?? document.file.start,
            title: title, summary: summary, hasOwnSummary: matter.summary != nil,
            treatment: matter.treatment, date: matter.date, updated: matter.updated,
            reviewed: matter.reviewed, reviewedLocation: matter.reviewedLocation,
            reviewedBy: matter.reviewedBy, tags: matter.tags, draft: matter.draft,
            faqReferences: references, faqSections: sections, template: matter.template ?? "aftercare",
            templateLocation: matter.templateLocation, content: content)
        parsed.value?.image = Self.pageImage(matter.image, diagnostics: &parsed.diagnostics)
        parsed.value?.images = Self.images(content.images, in: document.file, heroFirst: matter.image == nil,
                                           diagnostics: &parsed.diagnostics)
        return parsed
    }

    /// Another page (`content/<name>.md`).
    func page(_ file: SourceFile) -> Parsed<Page> {
        var parsed = Parsed<Page>()
        guard let (document, content, summary) = document(file, kind: .page, into: &parsed) else { return parsed }
        let matter = document.frontMatter
        guard let title = matter.title, let slug = Self.slug(for: document, diagnostics: &parsed.diagnostics) else { return parsed }
        parsed.value = Page(sourcePath: document.file.path, slug: slug, slugLocation: matter.slugLocation ?? document.file.start,
                            title: title, summary: summary, date: matter.date,
                            updated: matter.updated, draft: matter.draft, menu: matter.menu,
                            template: matter.template ?? "page", templateLocation: matter.templateLocation, content: content)
        parsed.value?.image = Self.pageImage(matter.image, diagnostics: &parsed.diagnostics)
        parsed.value?.images = Self.images(content.images, in: document.file, heroFirst: matter.image == nil,
                                           diagnostics: &parsed.diagnostics)
        return parsed
    }

    /// The front matter, the rendered body and the summary (front matter's, else the first
    /// paragraph's text) of a page file; nil when the front matter is broken or the page is
    /// left out of this build (with the reason in `parsed`). What only `clinicsite check`
    /// reads (the body's links) is kept only when the options ask for it.
    private func document<Value>(_ file: consuming SourceFile, kind: PageKind,
                                 into parsed: inout Parsed<Value>) -> (PageDocument, RenderedMarkdown, String?)? {
        let (document, found) = PageDocument.read(file, kind: kind)
        parsed.diagnostics += found
        guard var document else { return nil }
        if let excluded = Self.exclusion(document.frontMatter, path: document.file.path, options: options) {
            parsed.exclusion = excluded
            return nil
        }
        var content = MarkdownRenderer.render(document.body, options: markdown, firstLine: document.bodyFirstLine)
        // Rendered: the text is not needed any more, only the front matter and the places.
        document.body = ""
        document.file.text = ""
        // Held by every page for the whole build (a tenth of a 10,000-page build's memory):
        // the first paragraph once it is the summary, the links unless checked.
        let summary = document.frontMatter.summary ?? content.firstParagraph
        content.firstParagraph = nil
        if !options.keepsLinks { content.links = [] }
        return (document, content, summary)
    }

    /// The sections `references` name, in `faq`, with an error for each one it lacks.
    static func sections(_ references: [FAQReference], in faq: FAQ?) -> ([FAQSection], [Diagnostic]) {
        var sections: [FAQSection] = []
        var problems: [Diagnostic] = []
        for wanted in references {
            if let section = faq?.section(titled: wanted.title) {
                sections.append(section)
            } else {
                let known = faq.map { $0.sections.map { "'\($0.title)'" }.joined(separator: ", ") } ?? ""
                let message = faq == nil
                    ? "'faq' names the section '\(wanted.title)', but there is no content/faq.md"
                    : "'faq' names the section '\(wanted.title)', which content/faq.md does not have (it has \(known))"
                problems.append(Diagnostic(wanted.location, message, stage: .model))
            }
        }
        return (sections, problems)
    }

    /// The slug of a page: its `slug:` when valid, else one made from its file name.
    static func slug(for document: PageDocument, diagnostics: inout [Diagnostic]) -> String? {
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

    /// Why a page is left out of this build, or nil when it is in.
    static func exclusion(_ matter: PageFrontMatter, path: String, options: BuildOptions) -> Exclusion? {
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
