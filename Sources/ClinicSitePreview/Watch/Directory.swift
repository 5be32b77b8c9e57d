#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading folders and file states with POSIX calls, for the watchers.
enum Directory {
    /// One entry of a folder; `isFolder` follows symlinks.
    struct Entry {
        var name: String
        var isFolder: Bool
        var state: FileState
    }

    /// What the polling watcher compares between scans.
    struct FileState: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        var changedSeconds: Int
        var changedNanoseconds: Int
    }

    /// The entries of `path`, without `.` and `..`, sorted by name; empty when it cannot be read.
    static func entries(_ path: String) -> [Entry] {
        guard let handle = opendir(path) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted().compactMap { name in
            guard let state = state(of: path + "/" + name) else { return nil }
            return Entry(name: name, isFolder: state.isFolder, state: state.file)
        }
    }

    /// The state of the file at `path`, following symlinks; nil when it does not exist.
    static func state(of path: String) -> (file: FileState, isFolder: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
        #else
        let modified = info.st_mtim
        let changed = info.st_ctim
        #endif
        let state = FileState(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                              modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec),
                              changedSeconds: Int(changed.tv_sec), changedNanoseconds: Int(changed.tv_nsec))
        return (state, (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
