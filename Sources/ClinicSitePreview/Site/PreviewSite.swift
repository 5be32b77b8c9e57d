import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
import Foundation
import Synchronization

/// The site the preview serves: the last good build, and the errors of the latest build when
/// it failed.
///
/// Request handlers read it and the ``Rebuilder`` replaces its contents; both take its lock
/// only for a moment, so a request never waits for a build. HTML pages are served with the
/// live-reload script (and, while there are errors, the overlay) added on the way out: the
/// stored files are exactly what `build` would write.
public final class PreviewSite: Sendable {
    private struct State {
        var snapshot: SiteSnapshot?
        var problem: BuildProblem?
        var buildCount = 0

        mutating func install(_ snapshot: SiteSnapshot) {
            self.snapshot = snapshot
            buildCount += 1
        }
    }

    private let state = Mutex(State())
    /// Tells this run of `serve` from earlier ones, so a page left open across a restart
    /// reloads.
    public let session: String

    /// An empty site: nothing has been built yet.
    public init(session: String = PreviewSite.makeSession()) {
        self.session = session
    }

    /// The last good build, if any.
    public var snapshot: SiteSnapshot? { state.withLock { $0.snapshot } }

    /// The errors of the latest build, when it failed.
    public var problem: BuildProblem? { state.withLock { $0.problem } }

    /// What a browser is told when it connects to the event stream.
    public var hello: LiveReloadEvent {
        state.withLock { .hello(build: $0.snapshot?.id, errors: $0.problem?.lines ?? []) }
    }

    /// Installs a successful build's output and clears any errors; returns what browsers
    /// should do about it. Builds are published one at a time (by the ``Rebuilder``); the
    /// new snapshot is made and compared outside the lock, so requests never wait for that.
    /// `images`: the photo files the build left to make (see ``completeImages(_:)``).
    public func publish(_ output: [String: [UInt8]], basePath: String, images: DeferredOutputs? = nil,
                        at now: Date = Date()) -> SiteUpdate {
        var (previous, buildCount) = state.withLock { ($0.snapshot, $0.buildCount) }
        previous?.complete()
        let next = SiteSnapshot(id: "\(session)-\(buildCount + 1)", basePath: basePath, output: output,
                                previous: previous, builtAt: now, images: images)
        let changed: [String]
        if let previous, previous.basePath == basePath {
            changed = next.changedPaths(since: previous)
        } else {
            changed = output.keys.sorted()
        }
        return state.withLock { state in
            let hadProblem = state.problem != nil
            state.problem = nil
            guard let previous else {
                state.install(next)
                return .pages(build: next.id)
            }
            if changed.isEmpty {
                return hadProblem ? .pages(build: previous.id) : .unchanged
            }
            state.install(next)
            let stylesheetsOnly = changed.allSatisfy { path in
                path.hasSuffix(".css") && previous.files[path] != nil && next.files[path] != nil
            }
            if stylesheetsOnly {
                return .stylesheets(build: next.id, previous: previous.id, changed: changed)
            }
            return .pages(build: next.id)
        }
    }

    /// Installs a rebuild's changes: the files it wrote, the paths it removed, and the outputs
    /// it left to render (see ``SiteSession``); nothing else may differ from the current
    /// snapshot. Deferred outputs are rendered when asked for, or by ``complete(_:)``. The
    /// snapshot is changed in place, under the lock: that is a few dictionary updates, where a
    /// copy of every file would take longer than the rebuild.
    public func publish(written: [String: [UInt8]], removed: [String], pending: DeferredOutputs? = nil,
                        images: DeferredOutputs? = nil, basePath: String, at now: Date = Date()) -> SiteUpdate {
        // Not a copy of the snapshot: one held here would make the change below copy every file.
        let (sameBase, earlierPending) = state.withLock { ($0.snapshot?.basePath == basePath, $0.snapshot?.pending) }
        // Render what the last build left pending before taking the lock (only this caller
        // publishes, so the snapshot cannot change meanwhile).
        earlierPending?.finish()
        guard sameBase else {
            // Served under another path now: a new snapshot of every file.
            var files = state.withLock { state -> [String: [UInt8]] in
                state.snapshot?.complete()
                state.snapshot?.completeAllImages()
                return state.snapshot?.files.mapValues(\.bytes) ?? [:]
            }
            for path in removed { files[path] = nil }
            files.merge(written) { $1 }
            for outputs in [pending, images].compactMap({ $0 }) {
                files.merge(SiteSnapshot.written(by: outputs)) { $1 }
            }
            return publish(files, basePath: basePath, at: now)
        }
        return state.withLock { state in
            let hadProblem = state.problem != nil
            state.problem = nil
            // Taken out, the snapshot is held once and changes in place.
            var snapshot = state.snapshot.take()!
            snapshot.complete()
            let previous = snapshot.id
            let existed = Set(written.keys.filter { snapshot.files[$0] != nil })
            let changed = snapshot.update(output: written, rendered: Array(written.keys), removed: removed, pending: pending,
                                          images: images, at: now)
            if changed.isEmpty && pending == nil {
                // Nothing changed: the build stays the one browsers have.
                state.snapshot = snapshot
                return hadProblem ? .pages(build: snapshot.id) : .unchanged
            }
            snapshot.name("\(session)-\(state.buildCount + 1)", builtAt: now)
            state.install(snapshot)
            if pending == nil, !hadProblem, changed.allSatisfy({ $0.hasSuffix(".css") && existed.contains($0) && !removed.contains($0) }) {
                return .stylesheets(build: snapshot.id, previous: previous, changed: changed)
            }
            return .pages(build: snapshot.id)
        }
    }

    /// Takes the rendered bytes of `pending`, outputs of the build served, into the snapshot
    /// (rendering those not rendered yet); the build and what browsers were told stay the same.
    public func complete(_ pending: DeferredOutputs) {
        pending.finish()
        state.withLock { state in
            guard state.snapshot?.pending === pending else { return }
            var snapshot = state.snapshot.take()!
            snapshot.complete()
            state.snapshot = snapshot
        }
    }

    /// Takes the photo files `images` made (rendering those not made yet) into the snapshot, for
    /// the paths the site still names; the build and what browsers were told stay the same.
    public func completeImages(_ images: DeferredOutputs) {
        images.finish()
        state.withLock { state in
            guard state.snapshot != nil else { return }
            var snapshot = state.snapshot.take()!
            snapshot.completeImages(images)
            state.snapshot = snapshot
        }
    }

    /// Records a failed build. The site served stays as it was.
    public func fail(_ errors: [Diagnostic], at now: Date = Date()) {
        state.withLock { state in
            if state.problem?.errors == errors { return }
            state.problem = BuildProblem(errors: errors, since: now)
        }
    }

    /// The folder or file `decodedPath` names, with the bytes to send; nil when the built
    /// site has no such file or folder, or the path is not plain (see ``SitePath``).
    public func resource(at decodedPath: String) -> PreviewResource? {
        let (snapshot, problem) = state.withLock { ($0.snapshot, $0.problem) }
        guard let snapshot, let path = SitePath(decodedPath, basePath: snapshot.basePath) else { return nil }
        if path.namesFolder {
            return snapshot.hasFolder(path.relative) ? .folder(modified: snapshot.builtAt) : nil
        }
        if let file = snapshot.file(at: path.relative) {
            return served(file, path: path.relative, snapshot: snapshot, problem: problem)
        }
        if snapshot.hasFolder(path.relative) {
            return .folder(modified: snapshot.builtAt)
        }
        return nil
    }

    /// The site's `404.html` as served, or nil when there is no good build.
    public func notFoundPage() -> [UInt8]? {
        let (snapshot, problem) = state.withLock { ($0.snapshot, $0.problem) }
        guard let snapshot, let file = snapshot.file(at: "404.html") else { return nil }
        return served(file, path: "404.html", snapshot: snapshot, problem: problem).bytes
    }

    /// The page served while no build has succeeded.
    public func unbuiltPage() -> [UInt8] {
        LiveReloadPage.unbuiltSite(problem: problem)
    }

    /// A file as sent: HTML gets the script (and the overlay); everything else is unchanged.
    /// An HTML page's bytes change with every build (they name it) and with the errors, so
    /// its modification date does too.
    private func served(_ file: SiteSnapshot.File, path: String, snapshot: SiteSnapshot, problem: BuildProblem?) -> PreviewResource {
        guard path.hasSuffix(".html") || path.hasSuffix(".htm") else {
            return .file(file.bytes, modified: file.modified)
        }
        let bytes = LiveReloadPage.inject(into: file.bytes, build: snapshot.id, problem: problem)
        let modified = max(snapshot.builtAt, problem?.since ?? snapshot.builtAt)
        return .file(bytes, modified: modified)
    }

    /// Eight random hex digits.
    public static func makeSession() -> String {
        let value = UInt32.random(in: 0...UInt32.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// What a successful build means for the browsers showing the site.
public enum SiteUpdate: Sendable, Equatable {
    /// The output is byte-for-byte the same: nothing to do.
    case unchanged
    /// Only stylesheets changed: swap them without reloading.
    case stylesheets(build: String, previous: String, changed: [String])
    /// Pages changed (or errors were cleared): reload.
    case pages(build: String)
}
