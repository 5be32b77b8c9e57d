import ClinicBase
import ClinicContent
import ClinicMarkdown

extension Site {
    /// The site made from every file of a site folder. Fails with every error and warning from
    /// every file (`found`: what reading the folder reported).
    ///
    /// `sources` is consumed: each aftercare file's text is let go as soon as it is parsed, so
    /// a caller that hands over its only copy never holds every source and every rendered
    /// page at once (a 10,000-page build's peak memory).
    ///
    /// `images` knows the photos' facts from earlier builds (by default, none).
    public static func load(_ sources: consuming SiteSources, found: [Diagnostic] = [],
                            options: BuildOptions, images: ImageCatalog = ImageCatalog(folder: nil)) -> Result<Site, BuildFailure> {
        var diagnostics = found
        var clinic: Clinic?
        if let file = sources.clinic {
            let (value, problems) = PageReader.clinic(file)
            diagnostics += problems
            clinic = value
        }
        // Without a usable clinic.yml the pages are still read, with default Markdown options,
        // so their errors are reported in the same run.
        let reader = PageReader(options: options, markdown: PageReader.markdownOptions(clinic))
        // FAQ first: aftercare pages refer to its sections.
        var faq: FAQ?
        if let file = sources.faq {
            let (value, problems) = reader.faq(file)
            diagnostics += problems
            faq = value
        }
        let (home, homeProblems) = reader.home(sources.index)
        diagnostics += homeProblems

        let slots = sources.aftercare.map(TakeOnce.init)
        sources.aftercare = []
        let knownFAQ = faq
        let parse: @Sendable (TakeOnce<SourceFile>) -> PageReader.Parsed<AftercarePage> = { reader.aftercare($0.take(), faq: knownFAQ) }
        let parsedAftercare = options.parallel ? parallelMap(slots, parse) : slots.map(parse)
        let parsedPages = sources.pages.map(reader.page)

        var excluded: [Exclusion] = []
        var aftercare: [Shared<AftercarePage>] = []
        for parsed in parsedAftercare {
            diagnostics += parsed.diagnostics
            if let exclusion = parsed.exclusion { excluded.append(exclusion) }
            if let page = parsed.value { aftercare.append(Shared(page)) }
        }
        var pages: [Page] = []
        for parsed in parsedPages {
            diagnostics += parsed.diagnostics
            if let exclusion = parsed.exclusion { excluded.append(exclusion) }
            if let page = parsed.value { pages.append(page) }
        }
        return assemble(Parts(clinic: clinic, home: home, aftercare: aftercare.sorted { $0.value.slug < $1.value.slug },
                              pages: pages.sorted { $0.slug < $1.slug }, faq: faq, media: sources.media,
                              assets: sources.assets, excluded: excluded, warnings: []), found: diagnostics, images: images, today: options.today)
    }
}
