import Foundation

/// One successful build, held in memory: every output file, the folders they make, and the
/// base path the site is served under.
public struct SiteSnapshot: Sendable {
    /// A built file and when its bytes last changed.
    public struct File: Sendable {
        /// The file's contents, exactly as `build` would write them.
        public var bytes: [UInt8]
        /// When a build last produced different bytes for this path.
        public var modified: Date
    }

    /// Identifies this build to the browser: `<session>-<number>`.
    public let id: String
    /// The path the site lives under (`/` or `/willow/`), from `url` in `clinic.yml`.
    public let basePath: String
    /// When this build finished.
    public let builtAt: Date
    /// Output path (`aftercare/index.html`) to file.
    public let files: [String: File]
    /// Every folder that holds a file, `""` being the root.
    public let folders: Set<String>

    /// Makes a snapshot from a build's output. A file whose bytes equal the one in `previous`
    /// keeps its modification date, so browsers keep what they cached.
    init(id: String, basePath: String, output: [String: [UInt8]], previous: SiteSnapshot?, builtAt: Date) {
        self.id = id
        self.basePath = basePath
        self.builtAt = builtAt
        var files: [String: File] = [:]
        var folders: Set<String> = [""]
        for (path, bytes) in output {
            if let old = previous?.files[path], old.bytes == bytes {
                files[path] = old
            } else {
                files[path] = File(bytes: bytes, modified: builtAt)
            }
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                folders.insert(String(folder))
            }
        }
        self.files = files
        self.folders = folders
    }

    /// The next snapshot after an incremental rebuild: only `rendered` and `removed` paths
    /// can differ from `previous`, so only they are compared and the folders are reused
    /// unless a file was added or removed.
    init(id: String, updating previous: SiteSnapshot, output: [String: [UInt8]], rendered: [String], removed: [String],
         builtAt: Date) {
        self.id = id
        self.basePath = previous.basePath
        self.builtAt = builtAt
        var files = previous.files
        var addedOrRemoved = !removed.isEmpty
        for path in removed { files[path] = nil }
        for path in rendered {
            guard let bytes = output[path] else { continue }
            if let old = files[path] {
                if old.bytes != bytes { files[path] = File(bytes: bytes, modified: builtAt) }
            } else {
                files[path] = File(bytes: bytes, modified: builtAt)
                addedOrRemoved = true
            }
        }
        self.files = files
        if addedOrRemoved {
            var folders: Set<String> = [""]
            for path in files.keys {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    folders.insert(String(folder))
                }
            }
            self.folders = folders
        } else {
            self.folders = previous.folders
        }
    }

    /// The output paths whose bytes differ between `self` and `other`, including files only
    /// one of them has; sorted.
    func changedPaths(since other: SiteSnapshot) -> [String] {
        var changed: [String] = []
        for (path, file) in files where other.files[path]?.bytes != file.bytes {
            changed.append(path)
        }
        for path in other.files.keys where files[path] == nil {
            changed.append(path)
        }
        return changed.sorted()
    }
}
