import ClinicSiteTestSupport
import Foundation
@testable import ClinicSite

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

/// Builds a site folder into memory with fixed options.
func buildInMemory(_ folder: String, parallel: Bool = true) throws -> (MemorySink, BuildReport) {
    let sink = MemorySink()
    let report = try SiteBuilder.render(folder: SiteFolder(folder), options: BuildOptions(today: Fixtures.today, parallel: parallel), into: sink)
    return (sink, report)
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
