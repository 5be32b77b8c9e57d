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
        let context = SiteContext(site: site, assetPaths: assetPaths)
        let structured = StructuredData(site: site)
        let templates = self.templates
        let site = self.site
        let shared = UncheckedBox(context)
        let relatedPages = RelatedPages(site.aftercare)

        // Aftercare pages: the bulk of a big site, rendered on all cores.
        let aftercareValues: @Sendable (Int) -> [String: Any] = { index in
            let page = site.aftercare[index]
            let context = shared.value
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
            let related = relatedPages.related[index].map { context.summary(site.aftercare[$0]) }
            fields["related"] = related
            fields["has_related"] = !related.isEmpty
            return context.page(kind: "aftercare", title: page.title, description: page.summary, path: page.path,
                                fields: fields, jsonLD: structured.aftercare(page), shared: context.aftercareShared)
        }
        // Partials that come out the same on every aftercare page are rendered once.
        var frames: [String: TemplateSet] = [:]
        for name in Set(site.aftercare.map(\.template)).sorted() {
            let indices = site.aftercare.indices.filter { site.aftercare[$0].template == name }
            frames[name] = FrameCache.specialize(templates, for: name, shared: context.aftercareShared,
                                                 samples: [indices.first!, indices.last!].map(aftercareValues),
                                                 pageKeys: ["page", "json_ld"])
        }
        let frameTemplates = UncheckedBox(frames)
        let renderAftercare: @Sendable (Int) -> Void = { index in
            let page = site.aftercare[index]
            let specialized = frameTemplates.value[page.template] ?? templates
            store(specialized.render(page.template, aftercareValues(index)), page.path + "index.html")
        }
        if parallel {
            parallelForEach(site.aftercare.count, renderAftercare)
        } else {
            for index in site.aftercare.indices { renderAftercare(index) }
        }

        for page in site.pages {
            var fields: [String: Any] = ["content": page.content.html]
            fields["summary"] = page.summary
            fields["date"] = context.dayContext(page.date)
            fields["updated"] = context.dayContext(page.updated)
            let node = structured.webPage(title: page.title, description: page.summary, path: page.path)
            let values = context.page(kind: "page", title: page.title, description: page.summary, path: page.path,
                                      fields: fields, jsonLD: structured.script([.object(node)]))
            store(templates.render(page.template, values), page.path + "index.html")
        }

        // Home
        do {
            let latest = site.aftercareByRecency.prefix(5).map(context.summary)
            let node = structured.webPage(title: site.home.title ?? site.clinic.name, description: site.home.summary ?? site.clinic.description, path: "")
            let values = context.page(kind: "home", title: site.home.title ?? site.clinic.name,
                                      description: site.home.summary ?? site.clinic.description, path: "",
                                      extra: ["intro": site.home.introHTML, "latest_aftercare": Array(latest), "has_latest": !latest.isEmpty],
                                      jsonLD: structured.script([.object(node)]))
            store(templates.render("home", values), "index.html")
        }

        // Aftercare index, grouped by treatment
        do {
            let groups = site.aftercareByTreatment.map { group -> [String: Any] in
                ["treatment": group.treatment, "id": Slug.make(from: group.treatment), "pages": group.pages.map(context.summary)]
            }
            let title = "Aftercare advice"
            let description = "Aftercare advice from \(site.clinic.name), by treatment."
            var node = structured.webPage(type: "CollectionPage", title: title, description: description, path: "aftercare/")
            node["hasPart"] = .array(site.aftercare.map { ["@id": .string(site.clinic.url.absolute($0.path))] })
            let values = context.page(kind: "aftercare-list", title: title, description: description, path: "aftercare/",
                                      extra: ["groups": groups, "has_groups": !groups.isEmpty],
                                      jsonLD: structured.script([.object(node), structured.breadcrumbs([("Home", ""), ("Aftercare", "aftercare/")])]))
            store(templates.render("aftercare-list", values), "aftercare/index.html")
        }

        // FAQ
        if let faq = site.faq {
            let sections = faq.sections.map { context.faqSection($0, idPrefix: "") }
            let node = structured.webPage(title: faq.title, description: faq.summary, path: "faq/")
            let values = context.page(kind: "faq", title: faq.title, description: faq.summary, path: "faq/",
                                      extra: ["faq": ["title": faq.title, "intro": faq.introHTML, "sections": sections] as [String: Any]],
                                      jsonLD: structured.script([.object(node), structured.faqPage(faq.sections, path: "faq/", name: faq.title)]))
            store(templates.render("faq", values), "faq/index.html")
        }

        // 404: no canonical address, not in the sitemap.
        do {
            let values = context.page(kind: "404", title: "Page not found", description: nil, path: nil,
                                      jsonLD: structured.script([]))
            store(templates.render("404", values), "404.html")
        }

        var entries: [(path: String, lastModified: Day?)] = [("", nil), ("aftercare/", site.aftercare.compactMap(\.lastChanged).max())]
        if site.faq != nil { entries.append(("faq/", nil)) }
        entries += site.pages.map { ($0.path, [$0.updated, $0.date].compactMap { $0 }.max()) }
        entries += site.aftercare.map { ($0.path, $0.lastChanged) }
        store(Feeds.sitemap(entries, site: site), "sitemap.xml")
        store(Feeds.robots(site: site), "robots.txt")
        store(Feeds.atom(site: site), "feed.xml")

        let found = failures.withLock { $0 }
        if !found.isEmpty { throw BuildFailure(found) }
    }
}
