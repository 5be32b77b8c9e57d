import ClinicSite
import Dispatch
import Foundation

/// Builds the site into memory with the same stages as `build` (only the sink differs),
/// installs the result in the ``PreviewSite`` and tells connected browsers.
///
/// Each rebuild is a full build today. It sits behind this one type so an incremental
/// rebuild can replace it without the server, the watcher or the browsers noticing.
public struct Rebuilder: Sendable {
    /// The site folder built.
    public let folder: SiteFolder
    /// Include pages with `draft: true`.
    public let includeDrafts: Bool
    /// Include pages dated after today.
    public let includeFuture: Bool
    /// Where builds go.
    public let site: PreviewSite
    /// Who is told.
    public let hub: EventHub

    /// Creates a rebuilder; nothing is built until ``rebuild(after:)``.
    public init(folder: SiteFolder, includeDrafts: Bool, includeFuture: Bool, site: PreviewSite, hub: EventHub) {
        self.folder = folder
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.site = site
        self.hub = hub
    }

    /// Builds the site on a background thread (the build itself uses every core) and
    /// publishes the outcome. Call it from one task at a time.
    ///
    /// - Parameter changes: the source paths that changed (empty for the first build); they
    ///   are reported back, not used to limit the build.
    @discardableResult
    public func rebuild(after changes: [String] = []) async -> RebuildResult {
        let options = BuildOptions(includeDrafts: includeDrafts, includeFuture: includeFuture, today: .today(),
                                   fingerprintAssets: false)
        let folder = self.folder
        let start = ContinuousClock.now
        let built = await withCheckedContinuation { (continuation: CheckedContinuation<Result<BuiltSite, BuildFailure>, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Rebuilder.build(folder: folder, options: options))
            }
        }
        switch built {
        case .success(let output):
            let update = site.publish(output.files, basePath: output.basePath)
            switch update {
            case .unchanged:
                break
            case .stylesheets(let build, let previous, _):
                hub.publish(.stylesheets(build: build, previous: previous))
            case .pages(let build):
                hub.publish(.reload(build: build))
            }
            return RebuildResult(changes: changes, duration: ContinuousClock.now - start,
                                 outcome: .built(output.summary, update))
        case .failure(let failure):
            let errors = failure.diagnostics.errors
            site.fail(errors)
            hub.publish(.failed(errors: errors.map(\.description)))
            return RebuildResult(changes: changes, duration: ContinuousClock.now - start,
                                 outcome: .failed(failure.diagnostics, servingLastGoodBuild: site.snapshot != nil))
        }
    }

    /// A successful build's files and numbers.
    private struct BuiltSite: Sendable {
        var files: [String: [UInt8]]
        var basePath: String
        var summary: BuildSummary
    }

    /// Stages 1–6 into memory.
    private static func build(folder: SiteFolder, options: BuildOptions) -> Result<BuiltSite, BuildFailure> {
        do throws(BuildFailure) {
            let (renderer, warnings) = try SiteBuilder.prepare(folder: folder, options: options)
            let sink = MemorySink()
            do {
                try renderer.render(to: sink, parallel: options.parallel, fingerprintAssets: options.fingerprintAssets)
            } catch {
                throw BuildFailure(error.diagnostics + warnings)
            }
            let files = sink.files
            let summary = BuildSummary(pageCount: files.keys.filter { $0.hasSuffix(".html") }.count,
                                       fileCount: files.count, warnings: warnings, excluded: renderer.site.excluded)
            return .success(BuiltSite(files: files, basePath: renderer.site.clinic.url.basePath, summary: summary))
        } catch {
            return .failure(error)
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
    /// Pages left out (drafts, future dates), and why.
    public var excluded: [Exclusion]
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
    /// How long it took.
    public var duration: Duration
    /// What happened.
    public var outcome: Outcome
}
