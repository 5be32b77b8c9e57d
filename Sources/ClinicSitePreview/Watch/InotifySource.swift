#if os(Linux)
import Glibc

/// Changes reported by the Linux kernel (inotify): one watch per folder under `content/` and
/// `templates/`, plus one on the site folder to notice those two appearing. Folders created
/// later are watched as they appear.
final class InotifySource: ChangeSource {
    private let root: String
    private let fd: Int32
    /// Watch descriptor → folder relative to the site folder (`""` for the site folder).
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let folderMask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    private static let rootMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

    /// Starts watching the site folder at `root` (an absolute path).
    init(root: String) throws(WatchError) {
        self.root = root
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw WatchError("inotify is not available", errno: errno) }
        self.fd = fd
        guard inotify_add_watch(fd, root, InotifySource.rootMask) >= 0 else {
            let code = errno
            Glibc.close(fd)
            throw WatchError("cannot watch \(root)", errno: code)
        }
        for name in WatchedName.roots {
            watchTree(name)
        }
    }

    var descriptor: Int32? { fd }
    var scanInterval: Duration? { nil }

    func changes() -> [String] {
        var changed: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += 16 + length
                    changed += handle(wd: wd, mask: mask, name: name)
                }
            }
        }
        return changed
    }

    func close() {
        Glibc.close(fd)
    }

    /// What one event means: the path it changed, and new folders to watch.
    private func handle(wd: Int32, mask: UInt32, name: String) -> [String] {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // The kernel dropped events: anything may have changed.
            return WatchedName.roots
        }
        guard let folder = folders[wd] else { return [] }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.removeValue(forKey: wd)
            return []
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A moved folder keeps its watch under its old name: drop it; its new name, if
            // inside the site, is watched afresh from its parent's event.
            inotify_rm_watch(fd, wd)
            folders.removeValue(forKey: wd)
            return folder.isEmpty ? [] : [folder]
        }
        guard WatchedName.matters(name) else { return [] }
        let path = folder.isEmpty ? name : folder + "/" + name
        if folder.isEmpty, !WatchedName.roots.contains(name) { return [] }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            watchTree(path)
        }
        return [path]
    }

    /// Watches `relative` and every folder below it, skipping hidden ones. A folder reached
    /// twice through symlinks keeps its first watch (the kernel gives both the same one).
    private func watchTree(_ relative: String) {
        let absolute = root + "/" + relative
        let wd = inotify_add_watch(fd, absolute, InotifySource.folderMask)
        guard wd >= 0, folders[wd] == nil else { return }
        folders[wd] = relative
        for entry in Directory.entries(absolute) where WatchedName.matters(entry.name) && entry.isFolder {
            watchTree(relative + "/" + entry.name)
        }
    }
}
#endif
