import ClinicSiteTestSupport
import Foundation

enum Fixtures {
    /// `Tests/clinicsiteTests/Fixtures/<name>`
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
    }
}

extension TemporaryFolder {
    /// A folder holding a site: `Fixtures/<fixture>/content` and the repository's
    /// `templates/`.
    static func site(fixture: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.copy(["content"], from: Fixtures.path(fixture))
        try folder.copy(["templates"], from: Repository.root)
        return folder
    }
}

extension CommandResult {
    /// Standard output's lines.
    var lines: [String] { output.split(separator: "\n").map(String.init) }
}
