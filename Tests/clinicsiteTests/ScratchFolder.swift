import Foundation

/// A temporary folder for one test, removed when the test is done.
final class ScratchFolder {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-scratch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// A scratch folder holding a site: `Fixtures/<fixture>/content` and the repository's
    /// `templates/`.
    static func site(fixture: String) throws -> ScratchFolder {
        let folder = try ScratchFolder()
        try FileManager.default.copyItem(atPath: Fixtures.path(fixture) + "/content", toPath: folder.root + "/content")
        try FileManager.default.copyItem(atPath: Binary.repository + "/templates", toPath: folder.root + "/templates")
        return folder
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String {
        root + "/" + relative
    }

    func write(_ text: String, to relative: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    /// Every file under `relative` (the whole folder by default), path → bytes.
    func files(under relative: String = "") throws -> [String: Data] {
        try Fixtures.files(under: relative.isEmpty ? root : path(relative))
    }
}

enum Fixtures {
    /// `Tests/clinicsiteTests/Fixtures/<name>`
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name).path
    }

    /// Every regular file under `base` whose path has no hidden part, relative path → bytes.
    static func files(under base: String, includeHidden: Bool = true) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        for case let relative as String in walker {
            if !includeHidden, relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
            if !isFolder.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative)) }
        }
        return files
    }
}

extension CommandResult {
    /// Standard output's lines.
    var lines: [String] { output.split(separator: "\n").map(String.init) }
}
