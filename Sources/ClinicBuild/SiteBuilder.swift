import ClinicBase
import ClinicContent
import ClinicModel
import ClinicOutput
import ClinicRender

/// What a successful build did.
public struct BuildReport: Sendable {
    /// HTML pages written (aftercare pages, the aftercare index's pages, other pages, home,
    /// FAQ, 404): one definition of "a page", the same for `build`, `check` and `serve`.
    public var pageCount: Int
    /// All files written, including assets, media and feeds.
    public var fileCount: Int
    /// Warnings found on the way.
    public var warnings: [Diagnostic]
    /// Pages left out, and why.
    public var excluded: [Exclusion]
    /// Time spent in each stage.
    public var times = StageTimes()
    /// QR codes encoded (not found kept from the last build).
    public var qrCodesEncoded = 0
    /// Photos the site shows or links to.
    public var imageCount = 0
    /// Photos decoded by this build (the others' files came from the cache).
    public var processedImages = 0
}

/// Runs the stages for `build` and `check`: content (1), Markdown (2), the site value (3),
/// views and templates (4), and a sink (6) through the one rebuild function. `build` and the
/// preview server differ only in the sink.
public enum SiteBuilder {
    /// Stages 1–3 plus the theme: the site value and the theme, or every error found.
    /// `keptCodes`: the QR codes a previous build kept (``QRCodeStore``); `images` holds the
    /// photos' facts from earlier builds.
    public static func load(folder: SiteFolder, options: BuildOptions, keepingCodes: Bool = false,
                            keptCodes: [String: QRCode] = [:],
                            images: ImageCatalog = ImageCatalog(folder: nil)) throws(BuildFailure) -> (Site, Theme, [Diagnostic]) {
        let (sources, found) = ContentLoader(folder: folder).load()
        let (templates, assets) = (sources.templates, sources.assets)
        func theme(checking site: Site?) -> (Theme?, [Diagnostic]) {
            Theme.load(templates, assets: assets, folder: folder, checking: site, keepingCodes: keepingCodes, keptCodes: keptCodes)
        }
        // Handed over, so each page's text is freed once parsed (see Site.load).
        switch Site.load(consume sources, found: found, options: options, images: images) {
        case .failure(let failure):
            throw BuildFailure(failure.diagnostics + theme(checking: nil).1)
        case .success(let site):
            // The templates the pages ask for are compiled with the theme's own: their
            // problems come with the rest.
            let (theme, themeProblems) = theme(checking: site)
            guard let theme, themeProblems.errors.isEmpty else { throw BuildFailure(themeProblems + site.warnings) }
            return (site, theme, themeProblems.warnings)
        }
    }

    /// Builds into `sink` (for `check` and tests: nothing touches the disk unless `images`
    /// keeps its files in a cache folder; `check` reads the photos' facts and makes no file).
    public static func render(folder: SiteFolder, options: BuildOptions, images: ProcessedImages = .inMemory(),
                              into sink: any OutputSink) throws(BuildFailure) -> (BuildState, BuildReport) {
        let (site, theme, themeWarnings) = try load(folder: folder, options: options, images: images.catalog)
        let (state, report) = try Rebuild.run(site: site, theme: theme, themeWarnings: themeWarnings, previous: nil,
                                              fingerprintAssets: options.fingerprintAssets, parallel: options.parallel,
                                              images: images, into: sink)
        return (state, BuildReport(report))
    }

    /// Builds into the output folder: renders into a staging folder next to it and swaps it
    /// in only when everything succeeded. On any error the output is left exactly as it was.
    ///
    /// Processed photos come from, and go into, the site's cache (`.clinicsite/cache/images/`);
    /// once the new output is in place, the cache keeps only what this build used.
    public static func build(folder: SiteFolder, output: OutputFolder, options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var times = StageTimes()
        output.removeLeftovers()
        let problems = output.check(site: folder)
        guard problems.isEmpty else { throw BuildFailure(problems) }
        // The QR codes of the printed pages' addresses, kept from the last build.
        let codesPath = folder.absolute(QRCodeStore.path)
        let keptCodes = QRCodeStore.read(codesPath)
        let images = ProcessedImages.forSite(folder)
        let (site, theme, themeWarnings) = try load(folder: folder, options: options, keptCodes: keptCodes, images: images.catalog)
        times.end("load (content, Markdown, model, templates)")
        let staging: String
        do {
            staging = try output.makeStaging()
        } catch {
            throw BuildFailure([Diagnostic(SourceLocation(path: output.displayPath), "\(error)", stage: .output)] + site.warnings)
        }
        let sink = DirectorySink(root: staging)
        let report: RebuildReport
        do {
            (_, report) = try Rebuild.run(site: site, theme: theme, themeWarnings: themeWarnings, previous: nil,
                                          fingerprintAssets: options.fingerprintAssets, parallel: options.parallel,
                                          images: images, into: sink, times: &times)
        } catch {
            output.discard(staging: staging)
            throw BuildFailure(error.diagnostics + site.warnings)
        }
        do {
            try output.commit(staging: staging, manifest: sink.manifest)
        } catch {
            output.discard(staging: staging)
            throw BuildFailure([Diagnostic(SourceLocation(path: output.displayPath), "could not replace the output folder: \(error)", stage: .output)] + site.warnings)
        }
        times.end("swap the output folder in")
        images.tidy(after: site)
        var built = BuildReport(report)
        if theme.codes.changed {
            // Only the addresses this build drew: the next build wants the same ones. A cache
            // that cannot be written costs only time.
            do {
                try QRCodeStore.write(theme.codes.used, to: codesPath)
            } catch {
                built.warnings.append(Diagnostic(SourceLocation(path: folder.display(QRCodeStore.path)),
                                                 "could not keep the QR codes for the next build: \(error)", severity: .warning, stage: .output))
            }
        }
        built.qrCodesEncoded = theme.codes.encodedCount
        built.times = times
        return built
    }
}

extension BuildReport {
    init(_ report: RebuildReport) {
        self.init(pageCount: report.pageCount, fileCount: report.fileCount, warnings: report.warnings, excluded: report.excluded,
                  imageCount: report.imageCount, processedImages: report.processedImages)
    }
}
