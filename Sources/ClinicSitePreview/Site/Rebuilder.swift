import ClinicSite
import Dispatch
import Foundation

/// Builds the site into memory with the same stages as `build` (only the sink differs),
/// installs the result in the ``PreviewSite`` and tells connected browsers.
///
/// The first build is a full one; after that an ``IncrementalBuilder`` re-renders only what
/// a change touches (saving one aftercare page re-renders that page, and the listings when
/// what they show changed); any change outside `content/aftercare/` rebuilds everything.
///
/// Browsers are told as soon as the saved pages, the index pages they are on, the home page
/// and the feed are rendered; the outputs that only show a save in passing (the other index
/// pages, pages listing it as related, the sitemap) render right after, and any of them asked
/// for before then renders on the spot (see ``PendingOutputs``).
public struct Rebuilder: Sendable {
    /// The site folder built.
    public let folder: SiteFolder
    /// How it is built: the pages included and the day, as for `build`; asset names without
    /// a content hash.
    public let options: BuildOptions
    /// Where builds go.
    public let site: PreviewSite
    /// Who is told.
    public let hub: EventHub
    private let builder: IncrementalBuilder

    /// Creates a rebuilder; nothing is built until ``rebuild(after:)``.
    ///
    /// - Parameter options: the pages to include and the day to build as of (drafts, future
    ///   dates, expiry, `today`); its `fingerprintAssets` is turned off, so a stylesheet edit
    ///   can be swapped in without a reload.
    public init(folder: SiteFolder, options: BuildOptions, site: PreviewSite, hub: EventHub) {
        var options = options
        options.fingerprintAssets = false
        self.folder = folder
        self.options = options
        self.site = site
        self.hub = hub
        self.builder = IncrementalBuilder(folder: folder, options: options, deferring: true)
    }

    /// Builds the site on a background thread (the build itself uses every core) and
    /// publishes the outcome. Call it from one task at a time.
    ///
    /// - Parameter changes: the source paths that changed, relative to the site folder
    ///   (empty for the first build).
    @discardableResult
    public func rebuild(after changes: [String] = []) async -> RebuildResult {
        let builder = self.builder
        let start = ContinuousClock.now
        let built = await withCheckedContinuation { (continuation: CheckedContinuation<Result<IncrementalBuilder.Output, BuildFailure>, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                do throws(BuildFailure) {
                    let output = changes.isEmpty ? try builder.build() : try builder.update(changed: changes)
                    continuation.resume(returning: .success(output))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch built {
        case .success(let output):
            let update = output.incremental
                ? site.publish(output.files, rendered: output.rendered, removed: output.removed, pending: output.pending,
                               basePath: output.basePath)
                : site.publish(output.files, basePath: output.basePath)
            switch update {
            case .unchanged:
                break
            case .stylesheets(let build, let previous, _):
                hub.publish(.stylesheets(build: build, previous: previous))
            case .pages(let build):
                hub.publish(.reload(build: build))
            }
            let told = ContinuousClock.now
            var summary = BuildSummary(pageCount: output.pageCount,
                                       fileCount: output.files.count, warnings: output.warnings, excluded: output.excluded)
            if let pending = output.pending {
                let finished = await withCheckedContinuation { (continuation: CheckedContinuation<IncrementalBuilder.Output?, Never>) in
                    DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: builder.finishPending()) }
                }
                site.complete(pending)
                summary.fileCount = finished?.files.count ?? summary.fileCount
                summary.renderedAfter = (pending.paths.count, ContinuousClock.now - told)
            }
            return RebuildResult(changes: changes, duration: told - start, outcome: .built(summary, update))
        case .failure(let failure):
            let errors = failure.diagnostics.errors
            site.fail(errors)
            hub.publish(.failed(errors: errors.map(\.description)))
            return RebuildResult(changes: changes, duration: ContinuousClock.now - start,
                                 outcome: .failed(failure.diagnostics, servingLastGoodBuild: site.snapshot != nil))
        }
    }
}

/// What a successful preview build made.
public struct BuildSummary: Sendable {
    /// HTML pages.
    public var pageCount: Int
    /// All files, pages included.
    public var fileCount: Int
    /// Warnings found on the way.
    public var warnings: [Diagnostic]
    /// Pages left out (drafts, future dates, expired), and why.
    public var excluded: [Exclusion]
    /// How many outputs rendered after browsers were told, and how long that took (see
    /// ``PendingOutputs``).
    public var renderedAfter: (count: Int, duration: Duration)?
}

/// One rebuild, as the terminal reports it.
public struct RebuildResult: Sendable {
    /// How a rebuild ended.
    public enum Outcome: Sendable {
        /// The site built; browsers were told what the update means.
        case built(BuildSummary, SiteUpdate)
        /// The site did not build: every diagnostic, errors and warnings, sorted by place, and
        /// whether an earlier good build is still served (else every page shows the errors).
        case failed([Diagnostic], servingLastGoodBuild: Bool)
    }

    /// The source paths whose change started it (empty for the first build).
    public var changes: [String]
    /// How long it took until the site served the change and browsers were told.
    public var duration: Duration
    /// What happened.
    public var outcome: Outcome
}
