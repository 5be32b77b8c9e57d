import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
import Dispatch
import Foundation

/// Builds the site into memory with the same stages as `build` (only the sink differs),
/// installs the result in the ``PreviewSite`` and tells connected browsers.
///
/// The first build renders everything; after that a ``SiteSession`` takes each save through
/// the one rebuild function, which renders only the outputs whose view changed.
///
/// Browsers are told as soon as the outputs that show the saved files are rendered (the page
/// itself, the index pages and pages that list it, the home page and feed when they show
/// it); the outputs that changed only in passing (index pages whose entries shifted by one)
/// render right after, and any of them asked for before then renders on the spot (see
/// ``DeferredOutputs``).
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
    private let session: SiteSession
    /// Told when the photo files a rebuild left to make are made.
    private let imagesMade: @Sendable (ImagesMade) -> Void

    /// Creates a rebuilder; nothing is built until ``rebuild(after:)``.
    ///
    /// - Parameter options: the pages to include and the day to build as of (drafts, future
    ///   dates, expiry, `today`); its `fingerprintAssets` is turned off, so a stylesheet edit
    ///   can be swapped in without a reload.
    /// - Parameter imagesMade: told, from another thread, when the processed photos a rebuild
    ///   left to make are made (they are made off the path of saves: see ``rebuild(after:)``).
    public init(folder: SiteFolder, options: BuildOptions, site: PreviewSite, hub: EventHub,
                imagesMade: @escaping @Sendable (ImagesMade) -> Void = { _ in }) {
        var options = options
        options.fingerprintAssets = false
        self.folder = folder
        self.options = options
        self.site = site
        self.hub = hub
        self.imagesMade = imagesMade
        self.session = SiteSession(folder: folder, options: options, deferring: true)
    }

    /// Builds the site on a background thread (the build itself uses every core) and
    /// publishes the outcome. Call it from one task at a time.
    ///
    /// - Parameter changes: the source paths that changed, relative to the site folder
    ///   (empty for the first build).
    @discardableResult
    public func rebuild(after changes: [String] = []) async -> RebuildResult {
        let session = self.session
        let start = ContinuousClock.now
        let sink = CollectingSink()
        let first = session.current == nil
        let built = await withCheckedContinuation { (continuation: CheckedContinuation<Result<RebuildReport, BuildFailure>, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                do throws(BuildFailure) {
                    let report = changes.isEmpty ? try session.build(into: sink) : try session.update(changed: changes, into: sink)
                    continuation.resume(returning: .success(report))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch built {
        case .success(let report):
            let update = first || changes.isEmpty
                ? site.publish(sink.written, basePath: report.basePath, images: report.deferredImages)
                : site.publish(written: sink.written, removed: report.removed, pending: report.deferred,
                               images: report.deferredImages, basePath: report.basePath)
            switch update {
            case .unchanged:
                break
            case .stylesheets(let build, let previous, _):
                hub.publish(.stylesheets(build: build, previous: previous))
            case .pages(let build):
                hub.publish(.reload(build: build))
            }
            let told = ContinuousClock.now
            var summary = BuildSummary(pageCount: report.pageCount, fileCount: report.fileCount,
                                       warnings: report.warnings, excluded: report.excluded)
            if let pending = report.deferred {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    DispatchQueue.global(qos: .userInitiated).async {
                        pending.finish()
                        continuation.resume()
                    }
                }
                site.complete(pending)
                summary.renderedAfter = (pending.paths.count, ContinuousClock.now - told)
            }
            if let images = report.deferredImages { makeImages(images, since: start) }
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

extension Rebuilder {
    /// Makes the photo files `images` holds on a thread of their own, so the next save does
    /// not wait for them; a browser asking for one before then gets it made on the spot. A
    /// photo that cannot be decoded shows its errors over the page, like a failed build, until
    /// it is replaced.
    private func makeImages(_ images: DeferredOutputs, since start: ContinuousClock.Instant) {
        let (site, hub, told) = (self.site, self.hub, self.imagesMade)
        DispatchQueue.global(qos: .utility).async {
            site.completeImages(images)
            let failures = images.failures
            if !failures.isEmpty {
                site.fail(failures)
                hub.publish(.failed(errors: failures.map(\.description)))
            }
            told(ImagesMade(count: images.paths.count, duration: ContinuousClock.now - start, failures: failures))
        }
    }
}

/// The processed photos a rebuild left to make, once made.
public struct ImagesMade: Sendable {
    /// Files made.
    public var count: Int
    /// From the start of the rebuild to the last file made.
    public var duration: Duration
    /// The photos that could not be decoded, at the places that show them.
    public var failures: [Diagnostic]
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
