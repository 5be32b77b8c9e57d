import Synchronization

/// Keeps the last good build in memory and, when only aftercare files changed, re-renders
/// only the outputs that depend on them: the pages themselves, and, when something a
/// listing shows changed (title, summary, treatment, tags, dates, address), the home page,
/// the aftercare index, the sitemap, the feed and the pages whose related list changed.
/// Any other change (clinic.yml, templates, the FAQ, other pages, media) rebuilds everything.
///
/// The preview server uses it; the output is byte-identical to a full build of the same
/// files (tested). Calls are serialized by the builder itself.
///
/// A builder made with `deferring: true` leaves some of those outputs to render after it
/// returns (see ``PendingOutputs``): the pages of the aftercare index that only shift, pages
/// whose related list changed, and the sitemap. It renders the saved pages, the index pages
/// they are on, the home page and the feed at once.
public final class IncrementalBuilder: Sendable {
    /// A build's complete output and what the last call changed.
    public struct Output: Sendable {
        /// Every output file (path → bytes), as a full build would write them; pending
        /// outputs aside (see `pending`).
        public var files: [String: [UInt8]]
        /// The paths rendered by this call (some may be byte-identical to before).
        public var rendered: [String]
        /// The paths that no longer exist.
        public var removed: [String]
        /// Warnings of the whole site.
        public var warnings: [Diagnostic]
        /// Pages left out, and why.
        public var excluded: [Exclusion]
        /// The path the site is served under (`/` or `/willow/`).
        public var basePath: String
        /// True when only some outputs were rendered again.
        public var incremental: Bool
        /// Pages in the output, counted as `build` counts them (``BuildReport/pageCount``).
        public var pageCount: Int
        /// Outputs left to render (a builder made with `deferring: true`): until they are,
        /// `files` holds their bytes from before, or nothing for a new path.
        public var pending: PendingOutputs?
    }

    private struct State {
        var session: RenderSession
        var files: [String: [UInt8]]
        var warnings: [Diagnostic]
        var excluded: [Exclusion]
        /// Source path → slug of the session's aftercare pages (kept in slug order).
        var slugBySource: [String: String]
        /// HTML pages in the output.
        var pageCount: Int
        /// Outputs the last update left to render; their bytes are not in `files` yet.
        var pending: PendingOutputs?
    }

    /// The site folder built.
    public let folder: SiteFolder
    /// How it is built.
    public let options: BuildOptions
    /// Whether updates leave outputs that only show a save in passing to render later.
    public let deferring: Bool
    private let state = Mutex<UncheckedBox<State>?>(nil)
    /// Paths whose change a failed call did not get to apply; they are tried again with the
    /// next change, so a file that is still broken keeps the build failing.
    private let serial = Mutex<Set<String>>([])

    /// A builder for `folder`; nothing is built until ``build()`` or ``update(changed:)``.
    ///
    /// - Parameter deferring: leave outputs that only show a save in passing for later
    ///   (``Output/pending``); ``finishPending()`` renders them.
    public init(folder: SiteFolder, options: BuildOptions, deferring: Bool = false) {
        self.folder = folder
        self.options = options
        self.deferring = deferring
    }

    /// Renders the outputs the last update left for later and keeps them; returns the whole
    /// output with them (their paths as `rendered`), or nil when nothing was pending.
    public func finishPending() -> Output? {
        serial.withLock { _ in
            guard let finished = finishPendingLocked() else { return nil }
            return state.withLock { box in
                let current = box!.value
                return Output(files: current.files, rendered: finished.sorted(), removed: [], warnings: current.warnings,
                              excluded: current.excluded, basePath: current.session.site.clinic.url.basePath,
                              incremental: true, pageCount: current.pageCount)
            }
        }
    }

    /// Renders pending outputs into the kept files; returns their paths, nil when there were
    /// none. Call with `serial` held.
    private func finishPendingLocked() -> Set<String>? {
        guard let pending = state.withLock({ $0?.value.pending }) else { return nil }
        let finished = pending.finish()
        state.withLock { box in
            for (path, bytes) in finished { box!.value.files[path] = bytes }
            box!.value.pending = nil
        }
        return pending.paths
    }

    /// Builds everything, and remembers the result.
    public func build() throws(BuildFailure) -> Output {
        try serial.withLock { pending throws(BuildFailure) in
            let output = try fullBuild()
            pending = []
            return output
        }
    }

    /// Rebuilds after the files at `changed` (paths relative to the site folder, such as
    /// `content/aftercare/cupping.md`) were saved, created or deleted. On failure the last
    /// good build is kept.
    public func update(changed: [String]) throws(BuildFailure) -> Output {
        try serial.withLock { pending throws(BuildFailure) in
            let all = pending.union(changed)
            // The session changes only once nothing reads it any more.
            _ = finishPendingLocked()
            do throws(BuildFailure) {
                let output: Output
                if state.withLock({ $0 != nil }), !all.isEmpty, all.allSatisfy(IncrementalBuilder.isAftercareFile) {
                    output = try incremental(changed: all.sorted())
                } else {
                    output = try fullBuild()
                }
                pending = []
                return output
            } catch {
                pending = all
                throw error
            }
        }
    }

    /// `content/aftercare/<name>.md`, not hidden.
    static func isAftercareFile(_ path: String) -> Bool {
        guard path.hasPrefix("content/aftercare/"), Path.fileExtension(of: path) == "md" else { return false }
        let name = String(path.dropFirst("content/aftercare/".count))
        return !name.contains("/") && !name.hasPrefix(".")
    }

    private func fullBuild() throws(BuildFailure) -> Output {
        let (renderer, warnings) = try SiteBuilder.prepare(folder: folder, options: options)
        let sink = MemorySink()
        let session: RenderSession
        do {
            session = try renderer.renderSession(to: sink, parallel: options.parallel, fingerprintAssets: options.fingerprintAssets)
        } catch {
            throw BuildFailure(error.diagnostics + warnings)
        }
        let files = sink.files
        let pageCount = session.pageCount
        let slugBySource = Dictionary(uniqueKeysWithValues: session.site.aftercare.map { ($0.sourcePath, $0.slug) })
        let next = State(session: session, files: files, warnings: warnings, excluded: renderer.site.excluded,
                         slugBySource: slugBySource, pageCount: pageCount)
        state.withLock { $0 = UncheckedBox(next) }
        return Output(files: files, rendered: files.keys.sorted(), removed: [], warnings: warnings,
                      excluded: next.excluded, basePath: renderer.site.clinic.url.basePath, incremental: false,
                      pageCount: pageCount)
    }

    /// What other outputs show of a page, or rank it by: when it changes, pages other than
    /// the page itself change.
    private struct ListingKey: Equatable {
        /// Title, address, summary, treatment and date as listings show them.
        var entry: ListingEntry
        /// As written (related pages match treatments ignoring case).
        var treatment: String?
        var tags: [String]

        init(_ page: AftercarePage) {
            entry = ListingEntry(page)
            treatment = page.treatment
            tags = page.tags
        }
    }

    private func incremental(changed: [String]) throws(BuildFailure) -> Output {
        // Take the state out, so that its files are changed in place rather than copied (all
        // 10,000 of them); it goes back as it was if the change fails.
        var next = state.withLock { box -> State in
            defer { box = nil }
            return box!.value
        }
        let session = next.session
        // Read through the session rather than a copy of its site: a copy would share the list
        // of pages, and replacing one page in place would then copy all of them.
        let clinic = session.site.clinic
        let faq = session.site.faq
        let markdown = MarkdownOptions(unsafeHTML: clinic.unsafeHTML, basePath: clinic.url.basePath)
        let loader = ContentLoader(folder: folder)
        var excluded = next.excluded
        var diagnostics: [Diagnostic] = []
        var touched: [(old: AftercarePage?, new: AftercarePage?)] = []
        /// Where an address clash is reported, as a full build reports it: the `slug:` line,
        /// or the file's start.
        var slugLocations: [String: SourceLocation] = [:]
        let changedDisplayPaths = Set(changed.map(folder.display))

        for relative in changed {
            let display = folder.display(relative)
            let old = next.slugBySource[display].flatMap(session.aftercareIndex(ofSlug:)).map { session.site.aftercare[$0] }
            excluded.removeAll { $0.path == display }
            guard FileSystem.resolvedKind(atPath: folder.absolute(relative)) == .file else {
                touched.append((old, nil))
                continue
            }
            let (file, found) = loader.readFile(relative, inside: "content")
            diagnostics += found
            guard let file else { continue }
            let parsed = SiteLoader.parsePage(file, kind: .aftercare, options: options, markdown: markdown)
            diagnostics += parsed.diagnostics
            if let exclusion = parsed.exclusion {
                excluded.append(exclusion)
                touched.append((old, nil))
                continue
            }
            guard let document = parsed.document, let content = parsed.content,
                  let page = SiteLoader.aftercarePage(document, content: content, faq: faq, diagnostics: &diagnostics) else { continue }
            if !session.templates.names.contains(page.template) {
                diagnostics.append(Diagnostic(page.templateLocation ?? SourceLocation(path: page.sourcePath),
                                              "unknown template '\(page.template)': there is no templates/\(page.template).mustache",
                                              stage: .template))
            }
            slugLocations[page.sourcePath] = document.frontMatter.slugLocation ?? document.file.start
            touched.append((old, page))
        }
        let listingsChanged = touched.contains { $0.old.map(ListingKey.init) != $0.new.map(ListingKey.init) }

        // Every changed page kept its address, so the list keeps its order: each new version
        // goes where the old one was (the usual save: a body, title, summary or date edit).
        let inPlace = touched.allSatisfy { pair in pair.old != nil && pair.new?.slug == pair.old?.slug }
        // Addresses: a changed page may not take another's. Pages that kept their address
        // cannot clash, so only a new or moved address is checked: against the other pages,
        // the aftercare page staying at that address if any, and the other pages taking one.
        let claiming = touched.compactMap { pair in pair.new.flatMap { $0.slug != pair.old?.slug ? $0 : nil } }
            .sorted { ($0.slug, $0.sourcePath) < ($1.slug, $1.sourcePath) }
        if !claiming.isEmpty {
            let leaving = Set(touched.compactMap { pair in pair.old.flatMap { $0.slug != pair.new?.slug ? $0.sourcePath : nil } })
            var addresses = AddressBook(reserved: SiteLoader.reservedAddresses)
            for page in session.site.pages { _ = addresses.claim(page.path, by: page.sourcePath) }
            for page in claiming {
                if let index = session.aftercareIndex(ofSlug: page.slug), !leaving.contains(session.site.aftercare[index].sourcePath) {
                    _ = addresses.claim(page.path, by: session.site.aftercare[index].sourcePath)
                }
            }
            for page in claiming {
                if let problem = addresses.claim(page.path, by: page.sourcePath) {
                    diagnostics.append(Diagnostic(slugLocations[page.sourcePath]!, problem, stage: .model))
                }
            }
        }
        // Warnings of the changed files replace their old ones.
        let warnings = next.warnings.filter { !changedDisplayPaths.contains($0.location.path) } + diagnostics.warnings
        guard diagnostics.errors.isEmpty else {
            let kept = next
            state.withLock { $0 = UncheckedBox(kept) }
            throw BuildFailure(diagnostics + kept.warnings)
        }

        // From here on nothing fails.
        var rendered: Set<String> = []
        var removed: [String] = []
        for pair in touched {
            if let old = pair.old { next.slugBySource[old.sourcePath] = nil }
        }
        for page in touched.compactMap(\.new) { next.slugBySource[page.sourcePath] = page.slug }
        let touchedSlugs = Set(touched.compactMap { $0.new?.slug } + touched.compactMap { $0.old?.slug })
        if listingsChanged {
            // What the old build showed, to render again only what shows something else now.
            let oldListings = session.listings
            let oldLatest = session.latestAftercare
            let oldFeed = session.feedOrder
            // The sitemap lists addresses and dates: unchanged when no address or date moved,
            // changed when an address came or went, else compared.
            let sameSitemap = inPlace && touched.allSatisfy { $0.old?.lastChanged == $0.new?.lastChanged }
            let addressesMoved = touched.contains { $0.old?.slug != $0.new?.slug }
            let oldSitemap = sameSitemap || addressesMoved ? [] : session.sitemapEntries

            // The pages, the index and related pages, one change at a time.
            let applied = session.applyAftercareChanges(touched)

            /// Outputs rendered now, and (when deferring) those left for after the update.
            var outputs: [(path: String, render: @Sendable () -> String)] = []
            var later: [(path: String, render: @Sendable () -> String)] = []
            /// Renders an output now when it shows the save or nothing is deferred, else later.
            func schedule(_ path: String, showsSave: Bool, _ render: @escaping @Sendable () -> String) {
                if deferring && !showsSave { later.append((path, render)) } else { outputs.append((path, render)) }
            }
            if session.latestAftercare != oldLatest { schedule("index.html", showsSave: true) { session.home() } }
            // The first page of the index, and the pages a changed page is on or was on, show the
            // save. (By slug, compared: these are all 10,000 entries after a new or deleted page,
            // and few slugs.)
            let touchedSlugList = Array(touchedSlugs)
            func showsChange(_ listing: AftercareListing) -> Bool {
                listing.groups.contains { group in group.entries.contains { touchedSlugList.contains($0.slug) } }
            }
            for listing in session.listings where listing.number > oldListings.count || session.listingDiffers(oldListings[listing.number - 1], listing) {
                let showsSave = listing.number == 1 || showsChange(listing)
                    || listing.number <= oldListings.count && showsChange(oldListings[listing.number - 1])
                schedule(listing.path + "index.html", showsSave: showsSave) { session.aftercareListing(listing).html }
            }
            if addressesMoved || !(sameSitemap && session.listings.count == oldListings.count) && session.sitemapEntries != oldSitemap {
                schedule("sitemap.xml", showsSave: false) { session.sitemap() }
            }
            let feed = session.feedOrder
            if feed != oldFeed || feed.contains(where: touchedSlugs.contains) { schedule("feed.xml", showsSave: true) { session.feed() } }
            // A page renders again when it changed, when its related pages changed, or when
            // one of them is a changed page (its title or summary may show differently); the
            // pages that only list a changed one show the save in passing.
            let newRelated = session.related.related
            for index in newRelated.indices {
                let changed = applied.changed.contains(index)
                guard changed || applied.related.contains(index) || newRelated[index].contains(where: applied.changed.contains) else { continue }
                schedule(session.site.aftercare[index].path + "index.html", showsSave: changed) { session.aftercare(index).html }
            }
            for old in oldListings.dropFirst(session.listings.count) {
                next.files[old.path + "index.html"] = nil
                removed.append(old.path + "index.html")
            }
            let newSlugs = Set(touched.compactMap { $0.new?.slug })
            for old in touched.compactMap(\.old) where !newSlugs.contains(old.slug) {
                let path = old.path + "index.html"
                next.files[path] = nil
                removed.append(path)
            }
            for (output, text) in zip(outputs, parallelMap(outputs) { $0.render() }) {
                next.files[output.path] = Array(text.utf8)
                rendered.insert(output.path)
            }
            next.pending = later.isEmpty ? nil : PendingOutputs(later)
            next.pageCount = session.pageCount
        } else {
            for case let (old?, new?) in touched {
                let index = session.aftercareIndex(ofSlug: old.slug)!
                session.replaceAftercarePage(at: index, with: new)
                let (path, html) = session.aftercare(index)
                next.files[path] = Array(html.utf8)
                rendered.insert(path)
            }
            if !touchedSlugs.isDisjoint(with: session.feedSlugs) {
                next.files["feed.xml"] = Array(session.feed().utf8)
                rendered.insert("feed.xml")
            }
        }
        next.warnings = warnings
        next.excluded = excluded.sorted { $0.path < $1.path }
        let output = Output(files: next.files, rendered: rendered.sorted(), removed: removed.sorted(), warnings: warnings,
                            excluded: next.excluded, basePath: clinic.url.basePath, incremental: true,
                            pageCount: next.pageCount, pending: next.pending)
        let installed = next
        state.withLock { $0 = UncheckedBox(installed) }
        return output
    }
}
