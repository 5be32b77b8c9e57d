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
    /// (see ``DeferredOutputs``); nil when there are none.
    public var deferred: DeferredOutputs?
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
    public static func run(site: Site, theme: Theme, themeWarnings: [Diagnostic] = [], previous: BuildState?,
                           themeChanged: Bool = false, saved: Set<String>? = nil, fingerprintAssets: Bool,
                           parallel: Bool = true, into sink: any OutputSink) throws(BuildFailure) -> (BuildState, RebuildReport) {
        var times = StageTimes()
        return try run(site: site, theme: theme, themeWarnings: themeWarnings, previous: previous, themeChanged: themeChanged,
                       saved: saved, fingerprintAssets: fingerprintAssets, parallel: parallel, into: sink, times: &times)
    }

    /// ``run(site:theme:themeWarnings:previous:themeChanged:saved:fingerprintAssets:parallel:into:)``,
    /// recording the time of each of its stages in `times`.
    public static func run(site: Site, theme: Theme, themeWarnings: [Diagnostic] = [], previous: BuildState?,
                           themeChanged: Bool = false, saved: Set<String>? = nil, fingerprintAssets: Bool,
                           parallel: Bool = true, into sink: any OutputSink, times: inout StageTimes) throws(BuildFailure) -> (BuildState, RebuildReport) {
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
        var now = changed
        var later: [Output] = []
        if let saved, !themeChanged {
            now = changed.filter { $0.view.shows(saved) }
            later = changed.filter { !$0.view.shows(saved) }
        }
        let cpu = try write(now, theme: theme, parallel: parallel, into: sink)
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
        let report = RebuildReport(rendered: now.map(\.key).sorted(), removed: removed,
                                   deferred: later.isEmpty ? nil : DeferredOutputs(later, theme: theme),
                                   pageCount: views.pageCount, fileCount: views.fileCount, warnings: state.warnings,
                                   excluded: site.excluded, basePath: site.clinic.url.basePath)
        return (state, report)
    }

    /// Renders `outputs` (on all cores when `parallel`) and hands each to `sink` as soon as it
    /// is ready. Throws every write error at once. Returns the CPU time (nanoseconds, all
    /// threads) spent rendering and spent in the sink.
    @discardableResult
    static func write(_ outputs: [Output], theme: Theme, parallel: Bool,
                      into sink: any OutputSink) throws(BuildFailure) -> (render: Int, write: Int) {
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
        let found = failures.withLock { $0 }
        if !found.isEmpty { throw BuildFailure(found) }
        return (renderTime.load(ordering: .relaxed), writeTime.load(ordering: .relaxed))
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
