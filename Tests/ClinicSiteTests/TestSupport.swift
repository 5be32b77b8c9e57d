import ClinicSiteTestSupport
import Foundation
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring
import ClinicImages

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// `Tests/ClinicSiteTests/Fixtures`
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    /// A fixed day so date-dependent output never changes.
    static let today = Day(year: 2026, month: 11, day: 1)!
}

extension TemporaryFolder {
    /// Copies a fixture site (or the demo site when `name` is nil), its `content/` and
    /// `templates/`, to `relative` inside this folder, and returns the copy's path.
    @discardableResult
    func copySite(_ name: String?, to relative: String = "site-folder") throws -> String {
        try copy(["content", "templates"], from: name.map { Fixtures.root + "/" + $0 } ?? Repository.root, to: relative)
        return path(relative)
    }
}

/// A source file for unit tests.
func source(_ text: String, path: String = "content/aftercare/test.md") -> SourceFile {
    SourceFile(path: path, relativePath: String(path.dropFirst("content/".count)), text: text)
}

extension ProcessedImages {
    /// The processed photos of every in-memory build and session of these tests: one cache
    /// folder for the whole run, so the demo's photos are decoded once, not in every build.
    /// Its entries are named by the photo's hash, the settings and the libvips version, so
    /// the folder (in the system's temporary folder, kept between runs) is never out of date.
    static let tests = ProcessedImages(
        catalog: ImageCatalog(folder: nil),
        cache: ImageCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-tests-photo-cache").path))
}

/// Builds a site folder into memory with fixed options.
func buildInMemory(_ folder: String, parallel: Bool = true) throws -> (MemorySink, BuildReport) {
    let sink = MemorySink()
    let (_, report) = try SiteBuilder.render(folder: SiteFolder(folder), options: BuildOptions(today: Fixtures.today, parallel: parallel), images: .tests, into: sink)
    return (sink, report)
}

/// The warnings of a successful in-memory build (empty if it failed).
func buildWarnings(_ folder: String) -> [Diagnostic] {
    (try? buildInMemory(folder))?.1.warnings ?? []
}

/// The diagnostics of a failing in-memory build (empty if it succeeded).
func buildErrors(_ folder: String) -> [Diagnostic] {
    do {
        _ = try buildInMemory(folder)
        return []
    } catch let failure as BuildFailure {
        return failure.diagnostics
    } catch {
        return []
    }
}

/// A ``SiteSession`` writing into one in-memory sink, as `serve` uses it: each call's output
/// is every file the sink holds after it (outputs left for later hold their bytes from before,
/// or nothing for a new path, until ``finishPending()``).
final class TestSession {
    /// What one call gave.
    struct Output {
        var files: [String: [UInt8]]
        var rendered: [String]
        var removed: [String]
        var pending: DeferredOutputs?
        var warnings: [Diagnostic]
        var excluded: [Exclusion]
        var pageCount: Int
        /// The processed photos left for later.
        var pendingImages: DeferredOutputs? = nil
    }

    let session: SiteSession
    let sink = MemorySink()

    init(folder: SiteFolder, options: BuildOptions, deferring: Bool = false) {
        session = SiteSession(folder: folder, options: options, deferring: deferring, images: .tests)
    }

    func build() throws(BuildFailure) -> Output {
        output(try session.build(into: sink))
    }

    /// Outputs the last call left for later are rendered into the sink first, as the preview
    /// does before it takes the next build.
    func update(changed: [String]) throws(BuildFailure) -> Output {
        _ = finishPending()
        return output(try session.update(changed: changed, into: sink))
    }

    private var pending: DeferredOutputs?
    /// The processed photos the last call left for later (the preview makes them on a thread
    /// of their own).
    private var pendingImages: DeferredOutputs?

    /// Renders what the last call left for later, pages and photos, into the sink; nil when
    /// nothing was left.
    func finishPending() -> Output? {
        let left = [pending, pendingImages].compactMap { $0 }
        guard !left.isEmpty else { return nil }
        for part in left {
            try? part.finish(into: sink)
        }
        pending = nil
        pendingImages = nil
        return Output(files: sink.files, rendered: left.flatMap(\.paths).sorted(), removed: [], pending: nil, warnings: [], excluded: [],
                      pageCount: 0)
    }

    private func output(_ report: RebuildReport) -> Output {
        pending = report.deferred
        pendingImages = report.deferredImages
        return Output(files: sink.files, rendered: report.rendered, removed: report.removed, pending: report.deferred,
                      warnings: report.warnings, excluded: report.excluded, pageCount: report.pageCount,
                      pendingImages: report.deferredImages)
    }
}
