import ClinicBase
import ClinicContent
import Synchronization

/// Writes files under a folder with plain POSIX calls, creating sub-folders as needed and
/// remembering every path written (the manifest stored in the output marker).
public final class DirectorySink: OutputSink {
    /// The folder written into.
    public let root: String
    private let written = Mutex<Set<String>>([])
    private let folders = Mutex<Set<String>>([""])

    /// A sink writing under `root`, which must exist.
    public init(root: String) {
        self.root = root
    }

    private func ensureParent(of path: String) throws {
        let parent = path.contains("/") ? Path.parent(of: path) : ""
        if folders.withLock({ $0.contains(parent) }) { return }
        var partial = ""
        for component in parent.split(separator: "/") {
            partial = partial.isEmpty ? String(component) : partial + "/" + component
            if folders.withLock({ $0.contains(partial) }) { continue }
            try FileSystem.createDirectory(Path.join(root, partial))
            folders.withLock { _ = $0.insert(partial) }
        }
    }

    private func checked(_ path: String) throws -> String {
        let normalized = Path.normalize(path)
        guard !path.hasPrefix("/"), normalized == path, !normalized.hasPrefix(".."), normalized != "." else {
            throw FileSystem.Failure(operation: "writing outside the output folder", path: path, code: 1)
        }
        return normalized
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let path = try checked(path)
        try ensureParent(of: path)
        try FileSystem.write(bytes, to: Path.join(root, path))
        written.withLock { _ = $0.insert(path) }
    }

    public func remove(_ path: String) throws {
        let path = try checked(path)
        guard written.withLock({ $0.remove(path) }) != nil else { return }
        try FileSystem.removeTree(Path.join(root, path))
    }

    public func copy(_ file: StaticFile) throws {
        let path = try checked(file.outputPath)
        try ensureParent(of: path)
        try FileSystem.copyFile(from: file.sourcePath, to: Path.join(root, path))
        written.withLock { _ = $0.insert(path) }
    }

    /// A hard link to `file` (the staging folder is new, so nothing is replaced), or a copy
    /// when the output is on another file system.
    public func publish(_ file: String, to path: String) throws {
        let path = try checked(path)
        try ensureParent(of: path)
        try FileSystem.linkOrCopy(from: file, to: Path.join(root, path))
        written.withLock { _ = $0.insert(path) }
    }

    /// Every path written, sorted.
    public var manifest: [String] { written.withLock { $0 }.sorted() }
}
