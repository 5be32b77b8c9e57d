import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import Synchronization

/// Stage 5: renders every output file of a site through the theme's templates and hands
/// each one to a sink as soon as it is ready.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet

    /// A renderer for a loaded site and theme.
    public init(site: Site, templates: TemplateSet) {
        self.site = site
        self.templates = templates
    }

    /// Problems with the templates pages ask for (`template:` naming a missing template).
    public func checkTemplateReferences() -> [Diagnostic] {
        let requests = site.aftercare.map { ($0.template, $0.templateLocation, $0.sourcePath) }
            + site.pages.map { ($0.template, $0.templateLocation, $0.sourcePath) }
        return requests.filter { !templates.names.contains($0.0) }.map { template, location, path in
            Diagnostic(location ?? SourceLocation(path: path),
                       "unknown template '\(template)': there is no templates/\(template).mustache", stage: .template)
        }
    }

    /// Renders and writes everything. Throws every write error at once as a ``BuildFailure``.
    public func render(to sink: any OutputSink, parallel: Bool = true, fingerprintAssets: Bool = true) throws(BuildFailure) {
        _ = try renderSession(to: sink, parallel: parallel, fingerprintAssets: fingerprintAssets)
    }

    /// Renders and writes everything, and returns the session, for incremental rebuilds.
    package func renderSession(to sink: any OutputSink, parallel: Bool, fingerprintAssets: Bool) throws(BuildFailure) -> RenderSession {
        let failures = Mutex<[Diagnostic]>([])
        @Sendable func store(_ contents: String, _ path: String) {
            do {
                try sink.write(contents, to: path)
            } catch {
                failures.withLock { $0.append(Diagnostic(SourceLocation(path: path), "could not write: \(error)", stage: .output)) }
            }
        }
        @Sendable func copy(_ file: StaticFile) {
            do {
                try sink.copy(file)
            } catch {
                failures.withLock { $0.append(Diagnostic(SourceLocation(path: file.displayPath), "could not copy: \(error)", stage: .output)) }
            }
        }

        // Theme assets: CSS and JS names carry a content hash; pages link the hashed names.
        var assetPaths: [String: String] = [:]
        for file in site.assets {
            var output = file
            if fingerprintAssets, Fingerprint.extensions.contains(Path.fileExtension(of: file.outputPath)) {
                do {
                    output.outputPath = Fingerprint.name(file.outputPath, hash: Fingerprint.hash(try FileSystem.readBytes(file.sourcePath)))
                } catch {
                    failures.withLock { $0.append(Diagnostic(SourceLocation(path: file.displayPath), "could not read: \(error)", stage: .output)) }
                    continue
                }
            }
            copy(output)
            assetPaths[file.outputPath] = site.clinic.url.path(output.outputPath)
        }
        for file in site.media { copy(file) }
        let session = RenderSession(site: site, templates: templates, assetPaths: assetPaths)

        // Aftercare pages and the pages of the aftercare index: the bulk of a big site,
        // rendered on all cores.
        let listings = session.listings
        let renderAftercare: @Sendable (Int) -> Void = { job in
            let (path, html) = job < site.aftercare.count ? session.aftercare(job) : session.aftercareListing(listings[job - site.aftercare.count])
            store(html, path)
        }
        let jobs = site.aftercare.count + listings.count
        if parallel {
            parallelForEach(jobs, renderAftercare)
        } else {
            for job in 0..<jobs { renderAftercare(job) }
        }
        for page in site.pages {
            let (path, html) = session.page(page)
            store(html, path)
        }
        store(session.home(), "index.html")
        if let faq = session.faq() { store(faq, "faq/index.html") }
        store(session.notFound(), "404.html")
        store(session.sitemap(), "sitemap.xml")
        store(session.robots(), "robots.txt")
        store(session.feed(), "feed.xml")

        let found = failures.withLock { $0 }
        if !found.isEmpty { throw BuildFailure(found) }
        return session
    }
}
