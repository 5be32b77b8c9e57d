/// Changes found by scanning `content/` and `templates/` every `interval` and comparing each
/// file's size, inode and modification and change times with the previous scan. Folders are
/// walked but not compared: a folder changes whenever a hidden or backup file comes and goes,
/// and a folder matters only through the files in it. Used where
/// inotify is not available (macOS, other systems) and on request (`--poll`).
final class PollingSource: ChangeSource {
    private let root: String
    private let interval: Duration
    private var previous: [String: Directory.FileState]

    /// Takes the first scan of the site folder at `root` (an absolute path).
    init(root: String, interval: Duration) {
        self.root = root
        self.interval = interval
        self.previous = PollingSource.scan(root)
    }

    var descriptor: Int32? { nil }
    var scanInterval: Duration? { interval }

    func changes() -> [String] {
        let current = PollingSource.scan(root)
        defer { previous = current }
        var changed: [String] = []
        for (path, state) in current where previous[path] != state {
            changed.append(path)
        }
        for path in previous.keys where current[path] == nil {
            changed.append(path)
        }
        return changed
    }

    func close() {}

    /// Every file under the watched roots, relative path → state.
    static func scan(_ root: String) -> [String: Directory.FileState] {
        var found: [String: Directory.FileState] = [:]
        var visited: Set<[UInt64]> = []
        func walk(_ relative: String) {
            guard let (state, isFolder) = Directory.state(of: root + "/" + relative) else { return }
            guard isFolder else {
                found[relative] = state
                return
            }
            guard visited.insert([state.device, state.inode]).inserted else { return }
            for entry in Directory.entries(root + "/" + relative) where WatchedName.matters(entry.name) {
                walk(relative + "/" + entry.name)
            }
        }
        for name in WatchedName.roots {
            walk(name)
        }
        return found
    }
}
