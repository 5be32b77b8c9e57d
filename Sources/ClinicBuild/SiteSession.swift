import ClinicBase
import Dispatch
import ClinicContent
import ClinicImages
import ClinicModel
import ClinicOutput
import ClinicRender
import Synchronization

/// Keeps the last good build in memory and takes saves: each save reads the changed files,
/// makes the next value of the site from the last one, and runs the one rebuild function,
/// which renders the outputs whose view changed. The preview server uses it; the output is
/// byte-identical to a full build of the same files (tested). Calls are serialized.
public final class SiteSession: Sendable {
    /// The site folder built.
    public let folder: SiteFolder
    /// How it is built.
    public let options: BuildOptions
    /// Whether outputs that do not show a save render after ``update(changed:into:)`` returns.
    public let deferring: Bool
    private let state = Mutex<BuildState?>(nil)
    /// The photos' facts and processed files, kept from one save to the next.
    public let images: ProcessedImages
    /// Paths whose change a failed call did not get to apply; they are tried again with the
    /// next change, so a file that is still broken keeps the build failing.
    private let serial = Mutex<Set<String>>([])

    /// A session for `folder`; nothing is built until ``build(into:)``.
    ///
    /// - Parameter deferring: leave outputs that do not show a save for later
    ///   (``RebuildReport/deferred``).
    /// - Parameter images: the photos' facts and files (by default the site's cache folder).
    public init(folder: SiteFolder, options: BuildOptions, deferring: Bool = false, images: ProcessedImages? = nil) {
        self.folder = folder
        self.options = options
        self.deferring = deferring
        self.images = images ?? .forSite(folder)
    }

    /// The last good build.
    public var current: BuildState? { state.withLock { $0 } }

    /// Builds everything into `sink`, and keeps the result.
    public func build(into sink: any OutputSink) throws(BuildFailure) -> RebuildReport {
        try serial.withLock { pending throws(BuildFailure) in
            let report = try buildLocked(into: sink)
            pending = []
            return report
        }
    }

    /// Builds everything and keeps it; call with `serial` held.
    private func buildLocked(into sink: any OutputSink) throws(BuildFailure) -> RebuildReport {
        let (site, theme, warnings) = try SiteBuilder.load(folder: folder, options: options, keepingCodes: true, images: images.catalog)
        let (next, report) = try Rebuild.run(site: site, theme: theme, themeWarnings: warnings, previous: nil,
                                             fingerprintAssets: options.fingerprintAssets, parallel: options.parallel,
                                             images: images, deferImages: deferring, into: sink)
        state.withLock { $0 = next }
        images.remember(site)
        // The first photo decoded in a process waits for libvips to start (its loaders, its
        // types): in `serve`, on a site with photos, that is done now, off the path of the
        // save that brings a new photo (a libvips that cannot be loaded says so with that photo).
        if deferring, images.makesFiles, !site.images.sources.isEmpty {
            DispatchQueue.global(qos: .utility).async { try? ImageProcessor.setUp() }
        }
        return report
    }

    /// Rebuilds after the files at `changed` (paths relative to the site folder, such as
    /// `content/aftercare/cupping.md`) were saved, created or deleted; writes what changed into
    /// `sink` and removes what went. On failure the last good build is kept.
    public func update(changed: [String], into sink: any OutputSink) throws(BuildFailure) -> RebuildReport {
        try serial.withLock { pending throws(BuildFailure) in
            guard let previous = state.withLock({ $0 }) else {
                let report = try buildLocked(into: sink)
                pending = []
                return report
            }
            let all = pending.union(changed)
            do throws(BuildFailure) {
                let (next, report) = try rebuild(after: all.sorted(), from: previous, into: sink)
                state.withLock { $0 = next }
                images.remember(next.site)
                pending = []
                Self.retire(previous)
                return report
            } catch {
                pending = all
                throw error
            }
        }
    }

    /// Lets go of a replaced build off the path of the save: freeing the views and values of
    /// a 10,000-page site took a sixth of every save's time. The queue holds the last
    /// reference until shortly after the save's caller has told browsers.
    private static func retire(_ state: BuildState) {
        reaper.asyncAfter(deadline: .now() + .milliseconds(200)) { withExtendedLifetime(state) {} }
    }

    private static let reaper = DispatchQueue(label: "clinicsite.session.retired", qos: .utility)

    /// The next build after the files at `changed` changed.
    private func rebuild(after changed: [String], from previous: BuildState, into sink: any OutputSink) throws(BuildFailure) -> (BuildState, RebuildReport) {
        let (changes, found) = ContentLoader(folder: folder).changes(changed)
        var theme = previous.theme
        var themeWarnings = previous.themeWarnings
        let site: Site
        switch previous.site.applying(changes, found: found, options: options, images: images.catalog) {
        case .updated(let updated):
            site = updated
            if let templates = changes.templates {
                let (loaded, problems) = Theme.load(templates, assets: changes.assets ?? [], folder: folder, checking: site, keepingCodes: true)
                guard let loaded, problems.errors.isEmpty else { throw BuildFailure(problems + site.warnings) }
                theme = loaded
                themeWarnings = problems.warnings
            }
        case .failed(let failure):
            if let templates = changes.templates {
                throw BuildFailure(failure.diagnostics + Theme.load(templates, assets: changes.assets ?? [], folder: folder).1)
            }
            throw failure
        case .needsFullLoad:
            (site, theme, themeWarnings) = try SiteBuilder.load(folder: folder, options: options, keepingCodes: true, images: images.catalog)
        }
        return try Rebuild.run(site: site, theme: theme, themeWarnings: themeWarnings, previous: previous,
                               themeChanged: changes.templates != nil, saved: deferring ? changes.paths : nil,
                               fingerprintAssets: options.fingerprintAssets, parallel: options.parallel,
                               images: images, deferImages: deferring, into: sink)
    }
}
