import Foundation

/// The files under a folder, for comparing what a build wrote.
public enum FileTree {
    /// Every regular file under `base` (an absolute path), relative path → bytes; with
    /// `includeHidden: false`, without files whose path has a part starting with `.`.
    public static func files(under base: String, includeHidden: Bool = true) throws -> [String: Data] {
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
