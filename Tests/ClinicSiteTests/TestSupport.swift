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

/// Paths and helpers shared by the tests.
enum Fixtures {
    /// `Tests/ClinicSiteTests/Fixtures`
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    /// The repository root (holds the demo site's content/ and templates/).
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// A fixed day so date-dependent output never changes.
    static let today = Day(year: 2026, month: 11, day: 1)!
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Copies a fixture site (or the demo site when `name` is nil) to `relative` inside this folder.
    @discardableResult
    func copySite(_ name: String?, to relative: String = "site-folder") throws -> String {
        let destination = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
        let source = name.map { (Fixtures.root as NSString).appendingPathComponent($0) } ?? Fixtures.repository
        for part in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: (source as NSString).appendingPathComponent(part),
                                             toPath: (destination as NSString).appendingPathComponent(part))
        }
        return destination
    }

    /// Writes a text file, creating folders.
    func write(_ text: String, to relative: String) throws {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: (path as NSString).appendingPathComponent(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(relative))
    }
}

/// Every regular file under `root`, relative path → bytes.
func snapshot(_ root: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    for case let relative as String in enumerator {
        let full = (root as NSString).appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
    }
    return files
}

/// A source file for unit tests.
func source(_ text: String, path: String = "content/aftercare/test.md") -> SourceFile {
    SourceFile(path: path, relativePath: String(path.dropFirst("content/".count)), text: text)
}

/// Builds a site folder into memory with fixed options.
func buildInMemory(_ folder: String, parallel: Bool = true) throws -> (MemorySink, BuildReport) {
    let sink = MemorySink()
    let (_, report) = try SiteBuilder.render(folder: SiteFolder(folder), options: BuildOptions(today: Fixtures.today, parallel: parallel), into: sink)
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
    }

    let session: SiteSession
    let sink = MemorySink()

    init(folder: SiteFolder, options: BuildOptions, deferring: Bool = false) {
        session = SiteSession(folder: folder, options: options, deferring: deferring)
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

    /// Renders what the last call left for later into the sink; nil when nothing was left.
    func finishPending() -> Output? {
        guard let pending else { return nil }
        for (path, bytes) in pending.finish() { try? sink.write(bytes, to: path) }
        self.pending = nil
        return Output(files: sink.files, rendered: pending.paths.sorted(), removed: [], pending: nil, warnings: [], excluded: [],
                      pageCount: 0)
    }

    private func output(_ report: RebuildReport) -> Output {
        pending = report.deferred
        return Output(files: sink.files, rendered: report.rendered, removed: report.removed, pending: report.deferred,
                      warnings: report.warnings, excluded: report.excluded, pageCount: report.pageCount)
    }
}
