import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
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
    public private(set) var id: String
    /// The path the site lives under (`/` or `/willow/`), from `url` in `clinic.yml`.
    public let basePath: String
    /// When this build finished.
    public private(set) var builtAt: Date
    /// Output path (`aftercare/index.html`) to file.
    public private(set) var files: [String: File]
    /// Every folder that holds a file (`""` being the root), and how many paths (files and
    /// pending outputs) are under it.
    private var folderSizes: [String: Int] = [:]
    /// Outputs of this build rendered after it was published, or on request (see
    /// ``DeferredOutputs``): `files` holds their bytes from before, if any, until
    /// ``complete()``.
    public private(set) var pending: DeferredOutputs?
    /// Processed photos not made yet, by path, with the deferred outputs that make them (see
    /// ``RebuildReport/deferredImages``): a photo's file has the same bytes in every build that
    /// names it, so these stay across rebuilds until made (``completeImages(_:)``) or removed.
    private var pendingImages: [String: DeferredOutputs] = [:]

    /// Makes a snapshot from a build's output. A file whose bytes equal the one in `previous`
    /// keeps its modification date, so browsers keep what they cached. `previous` has no
    /// pending outputs (see ``complete()``).
    init(id: String, basePath: String, output: [String: [UInt8]], previous: SiteSnapshot?, builtAt: Date,
         images: DeferredOutputs? = nil) {
        self.id = id
        self.basePath = basePath
        self.builtAt = builtAt
        var files: [String: File] = [:]
        for (path, bytes) in output {
            if let old = previous?.files[path], old.bytes == bytes {
                files[path] = old
            } else {
                files[path] = File(bytes: bytes, modified: builtAt)
            }
        }
        self.files = files
        folderSizes[""] = 0
        for path in output.keys { countFolders(of: path, by: 1) }
        addImages(images)
    }

    /// Takes the photo files `images` will make, those not here already.
    private mutating func addImages(_ images: DeferredOutputs?) {
        for path in images?.paths ?? [] where files[path] == nil && pendingImages[path] == nil {
            pendingImages[path] = images
            countFolders(of: path, by: 1)
        }
    }

    /// Makes every photo file not made yet (waiting for them all).
    mutating func completeAllImages() {
        var seen: Set<ObjectIdentifier> = []
        for images in pendingImages.values where seen.insert(ObjectIdentifier(images)).inserted {
            completeImages(images)
        }
    }

    /// Takes the photo files `images` made (making those not made yet), for the paths it still
    /// holds here (a later build may have removed some).
    mutating func completeImages(_ images: DeferredOutputs) {
        for (path, bytes) in Self.written(by: images) where pendingImages[path] === images {
            pendingImages[path] = nil
            files[path] = File(bytes: bytes, modified: builtAt)
        }
    }

    /// Whether `path` (`aftercare`, `""` for the root) is a folder of the site.
    public func hasFolder(_ path: String) -> Bool {
        folderSizes[path] != nil
    }

    /// Takes the files of the next build after an incremental rebuild, made at `now`: only
    /// `rendered`, `removed` and `pending` paths can differ, so only they are compared and
    /// changed, in place (a copy of every file would cost more than the rebuild). This
    /// snapshot has no pending outputs. ``name(_:builtAt:)`` names the new build.
    ///
    /// - Returns: the rendered and removed paths whose bytes changed, sorted.
    mutating func update(output: [String: [UInt8]], rendered: [String], removed: [String],
                         pending: DeferredOutputs?, images: DeferredOutputs? = nil, at now: Date) -> [String] {
        precondition(self.pending == nil, "a snapshot takes the next build once its pending outputs are in")
        var changed: [String] = []
        for path in removed {
            let wasFile = files.removeValue(forKey: path) != nil
            guard wasFile || pendingImages.removeValue(forKey: path) != nil else { continue }
            if wasFile { changed.append(path) }
            countFolders(of: path, by: -1)
        }
        for path in rendered {
            guard let bytes = output[path] else { continue }
            if let old = files[path] {
                guard old.bytes != bytes else { continue }
            } else if pendingImages.removeValue(forKey: path) == nil {
                countFolders(of: path, by: 1)
            }
            files[path] = File(bytes: bytes, modified: now)
            changed.append(path)
        }
        for path in pending?.paths ?? [] where files[path] == nil {
            countFolders(of: path, by: 1)
        }
        self.pending = pending
        addImages(images)
        return changed.sorted()
    }

    /// Names the build this snapshot now holds.
    mutating func name(_ id: String, builtAt: Date) {
        self.id = id
        self.builtAt = builtAt
    }

    /// Takes the rendered bytes of the pending outputs into `files` (rendering those not
    /// rendered yet); the build stays the same.
    mutating func complete() {
        guard let pending else { return }
        for (path, bytes) in Self.written(by: pending) where files[path]?.bytes != bytes {
            files[path] = File(bytes: bytes, modified: builtAt)
        }
        self.pending = nil
    }

    /// What `outputs` hands its sink once every one is rendered, as a rebuild hands it what it
    /// renders at once.
    static func written(by outputs: DeferredOutputs) -> [String: [UInt8]] {
        let sink = CollectingSink()
        try? outputs.finish(into: sink)
        return sink.written
    }

    /// Adds `change` to the count of every folder holding `path` (`a` and `a/b` for
    /// `a/b/index.html`, and the root); a folder whose count drops to 0 goes.
    private mutating func countFolders(of path: String, by change: Int) {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            let key = String(folder)
            let size = folderSizes[key, default: 0] + change
            folderSizes[key] = size > 0 ? size : nil
        }
        folderSizes["", default: 0] += change
    }

    /// The file at output path `path`: its bytes rendered now when it is pending.
    func file(at path: String) -> File? {
        if let pending, let bytes = pending.bytes(for: path) {
            if let file = files[path], file.bytes == bytes { return file }
            return File(bytes: bytes, modified: builtAt)
        }
        if let file = files[path] { return file }
        return pendingImages[path]?.bytes(for: path).map { File(bytes: $0, modified: builtAt) }
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
