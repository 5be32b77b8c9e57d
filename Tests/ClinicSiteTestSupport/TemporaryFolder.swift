import Foundation

/// A folder of one test's own under the system's temporary folder, removed with everything
/// in it when the value goes away: empty, or a copy of the demo clinic, or of a fixture.
///
/// The one temporary-folder helper of every test target. It needs Foundation only, so test
/// targets that share it are not tied to each other's dependencies.
public final class TemporaryFolder: Sendable {
    /// The folder's absolute path.
    public let root: String

    /// An empty folder.
    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// A copy of the demo clinic as a fresh clone has it: the repository's `content/` and
    /// `templates/`, and `site/` holding only its `.gitignore`.
    public static func demo() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.copy(["content", "templates", "site/.gitignore"], from: Repository.root)
        return folder
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The absolute path of `relative` inside the folder (the folder itself for `""`).
    public func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Copies `parts` (files or folders, relative to `source`) to the same relative paths
    /// inside `destination` (a folder relative to this one), creating folders.
    public func copy(_ parts: [String], from source: String, to destination: String = "") throws {
        for part in parts {
            let target = path(destination.isEmpty ? part : destination + "/" + part)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source + "/" + part, toPath: target)
        }
    }

    /// Writes a text file, creating folders.
    public func write(_ text: String, to relative: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }

    /// A text file's contents.
    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Replaces the first occurrence of `old` in a text file.
    public func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw TestSupportError("'\(old)' is not in \(relative)") }
        try write(text.replacingCharacters(in: range, with: new), to: relative)
    }

    /// Whether a file or folder exists at `relative`.
    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Every regular file under `relative` (the whole folder by default), path → bytes.
    public func files(under relative: String = "", includeHidden: Bool = true) throws -> [String: Data] {
        try FileTree.files(under: path(relative), includeHidden: includeHidden)
    }
}

/// A test helper's failure, with what went wrong.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
