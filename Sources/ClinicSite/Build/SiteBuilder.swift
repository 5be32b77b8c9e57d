/// What a successful build did.
public struct BuildReport: Sendable {
    /// Pages written: the home page, aftercare pages, every page of the aftercare index, the
    /// FAQ, other pages and `404.html` (the HTML files rendered from templates).
    public var pageCount: Int
    /// All files written, including assets, media and feeds.
    public var fileCount: Int
    /// Warnings found on the way.
    public var warnings: [Diagnostic]
    /// Pages left out, and why.
    public var excluded: [Exclusion]
}

/// Runs the pipeline: load (1), front matter (2), Markdown (3), model (4), render (5) and
/// write (6). `build` and the preview server run the same stages and differ only in the sink.
public enum SiteBuilder {
    /// Stages 1–4 plus the theme: everything needed to render, or every error found.
    public static func prepare(folder: SiteFolder, options: BuildOptions) throws(BuildFailure) -> (SiteRenderer, [Diagnostic]) {
        let (sources, loadDiagnostics) = ContentLoader(folder: folder).load()
        var diagnostics = loadDiagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(sources.templates, folder: folder)
        // Handed over, so each page's text is freed once parsed (see SiteLoader.load).
        let (site, siteDiagnostics) = SiteLoader.load(consume sources, options: options)
        diagnostics += siteDiagnostics
        diagnostics += templateDiagnostics
        guard diagnostics.errors.isEmpty, let site, let templates else { throw BuildFailure(diagnostics) }
        let renderer = SiteRenderer(site: site, templates: templates)
        diagnostics += renderer.checkTemplateReferences()
        guard diagnostics.errors.isEmpty else { throw BuildFailure(diagnostics) }
        return (renderer, diagnostics.warnings)
    }

    /// Builds into `sink` (for the preview server and tests: nothing touches the disk).
    public static func render(folder: SiteFolder, options: BuildOptions, into sink: any OutputSink) throws(BuildFailure) -> BuildReport {
        let (renderer, warnings) = try prepare(folder: folder, options: options)
        let session: RenderSession
        do {
            session = try renderer.renderSession(to: sink, parallel: options.parallel, fingerprintAssets: options.fingerprintAssets)
        } catch {
            throw BuildFailure(error.diagnostics + warnings)
        }
        return report(session, warnings: warnings, fileCount: nil)
    }

    /// Builds into the output folder: renders into a staging folder next to it and swaps it
    /// in only when everything succeeded. On any error the output is left exactly as it was.
    public static func build(folder: SiteFolder, output: OutputFolder, options: BuildOptions) throws(BuildFailure) -> BuildReport {
        output.removeLeftovers()
        let problems = output.check(site: folder)
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let (renderer, warnings) = try prepare(folder: folder, options: options)
        let staging: String
        do {
            staging = try output.makeStaging()
        } catch {
            throw BuildFailure([Diagnostic(SourceLocation(path: output.displayPath), "\(error)", stage: .output)] + warnings)
        }
        let sink = DirectorySink(root: staging)
        let session: RenderSession
        do {
            session = try renderer.renderSession(to: sink, parallel: options.parallel, fingerprintAssets: options.fingerprintAssets)
        } catch {
            output.discard(staging: staging)
            throw BuildFailure(error.diagnostics + warnings)
        }
        let manifest = sink.manifest
        do {
            try output.commit(staging: staging, manifest: manifest)
        } catch {
            output.discard(staging: staging)
            throw BuildFailure([Diagnostic(SourceLocation(path: output.displayPath), "could not replace the output folder: \(error)", stage: .output)] + warnings)
        }
        return report(session, warnings: warnings, fileCount: manifest.count)
    }

    private static func report(_ session: RenderSession, warnings: [Diagnostic], fileCount: Int?) -> BuildReport {
        let site = session.site
        // The pages, sitemap.xml, robots.txt, feed.xml, and what is copied.
        let files = fileCount ?? (session.pageCount + 3 + site.assets.count + site.media.count)
        return BuildReport(pageCount: session.pageCount, fileCount: files, warnings: warnings, excluded: site.excluded)
    }
}
