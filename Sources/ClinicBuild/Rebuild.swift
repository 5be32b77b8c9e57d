import ClinicBase
import ClinicContent
import ClinicModel
import ClinicOutput
import ClinicRender
import Synchronization

/// A build held in memory: the site value, the theme, and every output's view. The next
/// rebuild compares its views with these.
public struct BuildState: Sendable {
    public let site: Site
    public let theme: Theme
    public let views: SiteViews
    /// The theme's warnings (the site's own are in ``Site/warnings``).
    public let themeWarnings: [Diagnostic]

    /// Every warning of the build, sorted.
    public var warnings: [Diagnostic] { (site.warnings + themeWarnings).sorted() }
}

/// What one rebuild did.
public struct RebuildReport: Sendable {
    /// The outputs written now, by key (all of them the first time).
    public var rendered: [String]
    /// The outputs the site no longer has, removed from the sink.
    public var removed: [String]
    /// Outputs that changed but do not show the save, left to render after this returns
    /// (see ``DeferredOutputs``); nil when there are none. Processed photos are in
    /// ``deferredImages``.
    public var deferred: DeferredOutputs?
    /// Processed photos left to make after this returns (`serve`): a file's bytes depend only
    /// on its name, so they stay valid across later rebuilds until the site stops naming them.
    public var deferredImages: DeferredOutputs? = nil
    /// HTML pages in the site (aftercare pages, the index's pages, other pages, home, FAQ, 404).
    public var pageCount: Int
    /// Every output file, pages included.
    public var fileCount: Int
    /// Every warning of the build.
    public var warnings: [Diagnostic]
    /// Pages left out, and why.
    public var excluded: [Exclusion]
    /// The path the site is served under (`/` or `/willow/`).
    public var basePath: String
    /// Photos the site shows or links to.
    public var imageCount: Int = 0
    /// Photos decoded by this rebuild (the others' files came from the cache or did not change).
    public var processedImages: Int = 0
}

/// The one rebuild function: a first build and a save in `serve` are the same code.
public enum Rebuild {
    /// Computes every output's view from `site`, renders those whose view differs from
    /// `previous`'s (all of them when there is no previous build, or `themeChanged`), and hands
    /// the bytes to `sink`; outputs `previous` had that are gone are removed from it.
    ///
    /// - Parameter saved: the files a save changed (paths as messages show them). When given,
    ///   outputs that do not show any of them render after this returns (``RebuildReport/deferred``):
    ///   a scheduling choice, the bytes are the same.
    ///
    /// - Parameter images: how the processed photos are made (the cache; none at all for
    ///   `check`); with `deferImages`, or `saved`, they render after this returns.
    public static func run(site: Site, theme: Theme, themeWarnings: [Diagnostic] = [], previous: BuildState?,
                           themeChanged: Bool = false, saved: Set<String>? = nil, fingerprintAssets: Bool,
                           parallel: Bool = true, images: ProcessedImages = .inMemory(), deferImages: Bool = false,
                           into sink: any OutputSink) throws(BuildFailure) -> (BuildState, RebuildReport) {
        var times = StageTimes()
        return try run(site: site, theme: theme, themeWarnings: themeWarnings, previous: previous, themeChanged: themeChanged,
                       saved: saved, fingerprintAssets: fingerprintAssets, parallel: parallel, images: images,
                       deferImages: deferImages, into: sink, times: &times)
    }

    /// ``run(site:theme:themeWarnings:previous:themeChanged:saved:fingerprintAssets:parallel:images:deferImages:into:)``,
    /// recording the time of each of its stages in `times`.
    public static func run(site: Site, theme: Theme, themeWarnings: [Diagnostic] = [], previous: BuildState?,
                           themeChanged: Bool = false, saved: Set<String>? = nil, fingerprintAssets: Bool,
                           parallel: Bool = true, images: ProcessedImages = .inMemory(), deferImages: Bool = false,
                           into sink: any OutputSink, times: inout StageTimes) throws(BuildFailure) -> (BuildState, RebuildReport) {
        let problems = theme.check(site)
        guard problems.errors.isEmpty else { throw BuildFailure(problems + site.warnings + themeWarnings) }
        let themeWarnings = themeWarnings + problems.warnings
        let views: SiteViews
        do {
            views = try SiteViews.make(site: site, fingerprintAssets: fingerprintAssets, previous: previous?.views)
        } catch {
            throw BuildFailure(error.diagnostics + site.warnings + themeWarnings)
        }
        var (changed, removed) = views.changes(since: previous?.views)
        times.end("views (what each output shows), compared")
        if themeChanged { changed = views.outputs }
        if !images.makesFiles { changed.removeAll { $0.view.isImage } }
        var now = changed
        var later: [Output] = []
        if let saved, !themeChanged {
            (now, later) = changed.divided { $0.view.shows(saved, chromeChanged: views.chromeChanged) }
        } else if deferImages {
            (later, now) = changed.divided(by: \.view.isImage)
        }
        let decodedBefore = images.decodedCount
        let cpu = try write(now, theme: theme, images: images, site: site, parallel: parallel, into: sink)
        times.end("render and write")
        times.part("  of which templates (render only)", cpu: Double(cpu.render) / 1e9)
        times.part("  of which handing the bytes to the sink", cpu: Double(cpu.write) / 1e9)
        var failures: [Diagnostic] = []
        for key in removed {
            do {
                try sink.remove(key)
            } catch {
                failures.append(Diagnostic(SourceLocation(path: key), "could not remove: \(error)", stage: .output))
            }
        }
        guard failures.isEmpty else { throw BuildFailure(failures) }
        let state = BuildState(site: site, theme: theme, views: views, themeWarnings: themeWarnings)
        let (laterImages, laterPages) = later.divided(by: \.view.isImage)
        var report = RebuildReport(rendered: now.map(\.key).sorted(), removed: removed,
                                   deferred: laterPages.isEmpty ? nil : DeferredOutputs(laterPages, theme: theme, images: images, site: site),
                                   pageCount: views.pageCount, fileCount: views.fileCount, warnings: state.warnings,
                                   excluded: site.excluded, basePath: site.clinic.url.basePath,
                                   imageCount: site.images.sources.count, processedImages: images.decodedCount - decodedBefore)
        if !laterImages.isEmpty { report.deferredImages = DeferredOutputs(laterImages, theme: theme, images: images, site: site) }
        return (state, report)
    }

    /// Renders `outputs` (on all cores when `parallel`) and hands each to `sink` as soon as it
    /// is ready: pages and copied files first, then the processed photos, each photo once for
    /// all of its files. Throws every error at once. Returns the CPU time (nanoseconds, all
    /// threads) spent rendering pages and spent in the sink.
    @discardableResult
    static func write(_ outputs: [Output], theme: Theme, images: ProcessedImages, site: Site, parallel: Bool,
                      into sink: any OutputSink) throws(BuildFailure) -> (render: Int, write: Int) {
        var (found, cpu) = render(outputs.filter { !$0.view.isImage }, theme: theme, parallel: parallel, into: sink)
        found += ImageGroups(outputs: outputs).publish(images: images, site: site, parallel: parallel, into: sink)
        if !found.isEmpty { throw BuildFailure(found) }
        return cpu
    }

    /// Renders pages and copies files; every failure, and the CPU time spent rendering and in the sink.
    private static func render(_ outputs: [Output], theme: Theme, parallel: Bool,
                               into sink: any OutputSink) -> ([Diagnostic], (render: Int, write: Int)) {
        let failures = Mutex<[Diagnostic]>([])
        let renderTime = Atomic<Int>(0)
        let writeTime = Atomic<Int>(0)
        let store: @Sendable (Int) -> Void = { index in
            let output = outputs[index]
            do {
                let start = StageTimes.threadNanoseconds()
                let bytes = theme.render(output)
                let rendered = StageTimes.threadNanoseconds()
                if let bytes {
                    try sink.write(bytes, to: output.key)
                } else if case .file(let view) = output.view {
                    try sink.copy(view.file)
                }
                renderTime.add(rendered - start, ordering: .relaxed)
                writeTime.add(StageTimes.threadNanoseconds() - rendered, ordering: .relaxed)
            } catch {
                let place = if case .file(let view) = output.view { view.file.displayPath } else { output.key }
                failures.withLock { $0.append(Diagnostic(SourceLocation(path: place), "could not write: \(error)", stage: .output)) }
            }
        }
        if parallel {
            parallelForEach(outputs.count, store)
        } else {
            for index in outputs.indices { store(index) }
        }
        return (failures.withLock { $0 }, (renderTime.load(ordering: .relaxed), writeTime.load(ordering: .relaxed)))
    }
}

extension SiteViews {
    /// HTML pages among the outputs: what every command counts as "a page".
    public var pageCount: Int {
        aftercare.count + listings.count + others.values.filter(\.isPage).count
    }

    /// Every output file.
    public var fileCount: Int {
        aftercare.count + listings.count + others.count
    }
}

private extension Array {
    /// The elements for which `belongs` is true, and the others, each in order (one pass).
    func divided(by belongs: (Element) -> Bool) -> (matching: [Element], others: [Element]) {
        var matching: [Element] = []
        var others: [Element] = []
        for element in self {
            if belongs(element) { matching.append(element) } else { others.append(element) }
        }
        return (matching, others)
    }
}
