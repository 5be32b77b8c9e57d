#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

private func posixRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}

/// Thin, fast wrappers over POSIX file calls. Foundation's file writing costs ten times
/// more per file than `open`/`write`/`close` (see DESIGN.md), and a build writes thousands.
package enum FileSystem {
    /// An `errno` with the call and path that produced it.
    package struct Failure: Error, CustomStringConvertible {
        package var operation: String
        package var path: String
        package var code: Int32

        package init(operation: String, path: String, code: Int32) {
            self.operation = operation
            self.path = path
            self.code = code
        }

        package var description: String {
            "\(operation) '\(path)' failed: \(String(cString: strerror(code)))"
        }
    }

    package enum Kind: Equatable {
        case file
        case directory
        case symlink
        case other
    }

    /// The kind of the entry at `path` without following a final symlink, or nil if absent.
    package static func kind(atPath path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The kind of the entry at `path`, following symlinks, or nil if absent.
    package static func resolvedKind(atPath path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    package static func exists(_ path: String) -> Bool { kind(atPath: path) != nil }

    /// The size and modification time (nanoseconds) of the file at `path`, following
    /// symlinks: what tells one version of a file from the next without reading it. Nil when
    /// there is no such file.
    package static func stamp(atPath path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec),
                         inode: UInt64(info.st_ino))
    }

    package static func isDirectory(_ path: String) -> Bool { resolvedKind(atPath: path) == .directory }

    /// The entries of a folder (no `.` or `..`), sorted by byte order so walks are deterministic.
    package static func contentsOfDirectory(_ path: String) throws -> [String] {
        try entries(ofDirectory: path).map(\.name)
    }

    /// The entries of a folder (no `.` or `..`) with their kinds, sorted by byte order: the
    /// kind the folder records for each (no `lstat` per entry, except on a file system that
    /// records none), not following symlinks, like ``kind(atPath:)``.
    package static func entries(ofDirectory path: String) throws -> [(name: String, kind: Kind)] {
        guard let dir = opendir(path) else { throw Failure(operation: "reading folder", path: path, code: errno) }
        defer { closedir(dir) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symlink
            case Int32(DT_UNKNOWN): FileSystem.kind(atPath: path + "/" + name)
            default: .other
            }
            // Gone between the listing and the lstat: not an entry any more.
            guard let kind else { continue }
            entries.append((name, kind))
        }
        // The UTF-8 views compared in place: an array per comparison made listing a folder of
        // 600 photos' files a millisecond.
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return entries
    }

    /// Reads a whole file.
    package static func readBytes(_ path: String) throws -> [UInt8] {
        switch try readBytes(path, limit: Int.max) {
        case .bytes(let bytes): return bytes
        case .tooLarge, .notAFile: throw Failure(operation: "reading", path: path, code: EINVAL)
        }
    }

    /// What ``readBytes(_:limit:)`` found.
    package enum Read {
        case bytes([UInt8])
        /// The file holds more than the limit; nothing more than the limit was read.
        case tooLarge(size: Int)
        /// A folder, a named pipe, a device: nothing was read (a pipe never blocks the build).
        case notAFile
    }

    /// Reads a whole regular file of at most `limit` bytes.
    package static func readBytes(_ path: String, limit: Int) throws -> Read {
        // O_NONBLOCK: opening a named pipe must not wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw Failure(operation: "reading", path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(operation: "reading", path: path, code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
        if Int(info.st_size) > limit { return .tooLarge(size: Int(info.st_size)) }
        var capacity = 64 * 1024
        if info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "reading", path: path, code: errno)
            }
            if got == 0 { break }
            count += got
            // The file grew while being read.
            if count > limit { return .tooLarge(size: count) }
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// Writes `bytes` to a new file at `path` (replacing any file there), checking every call.
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(operation: "creating", path: path, code: errno) }
        try finishWriting(fd, bytes, path: path)
    }

    /// Writes a file that must not exist yet (`O_EXCL`): never replaces anything, even a file
    /// created a moment ago by someone else.
    package static func createNew(_ bytes: [UInt8], at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(operation: "creating", path: path, code: errno) }
        try bytes.withUnsafeBytes { buffer in try finishWriting(fd, buffer, path: path) }
    }

    /// Writes all of `bytes` to `fd` and closes it. A short write is continued; any failure
    /// (a full disk: ENOSPC, EFBIG, EIO; or one reported only by `close`) throws, so a
    /// truncated file is never taken for a written one.
    private static func finishWriting(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var failure: Failure?
        var offset = 0
        while offset < bytes.count {
            let written = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = Failure(operation: "writing", path: path, code: errno)
                break
            }
            if written == 0 {
                failure = Failure(operation: "writing", path: path, code: EIO)
                break
            }
            offset += written
        }
        if close(fd) != 0, failure == nil { failure = Failure(operation: "closing", path: path, code: errno) }
        if let failure { throw failure }
    }

    /// Writes a string as UTF-8.
    package static func write(_ string: String, to path: String) throws {
        var string = string
        try string.withUTF8 { buffer in try write(UnsafeRawBufferPointer(buffer), to: path) }
    }

    /// Writes bytes.
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { buffer in try write(buffer, to: path) }
    }

    /// Creates a folder; an existing folder is fine.
    package static func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST, isDirectory(path) { return }
            throw Failure(operation: "creating folder", path: path, code: code)
        }
    }

    /// Creates a folder and any missing parents.
    package static func createDirectories(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = Path.parent(of: path)
        if parent != path, !parent.isEmpty { try createDirectories(parent) }
        try createDirectory(path)
    }

    /// Copies a regular file's bytes.
    package static func copyFile(from source: String, to destination: String) throws {
        try write(try readBytes(source), to: destination)
    }

    /// Removes a file, a symlink or a whole folder tree. Symlinks are removed, never followed.
    package static func removeTree(_ path: String) throws {
        guard let kind = kind(atPath: path) else { return }
        try removeTree(path, kind: kind)
    }

    /// `removeTree` of an entry whose kind is known (from its folder's listing).
    package static func removeTree(_ path: String, kind: Kind) throws {
        if kind == .directory {
            for entry in try entries(ofDirectory: path) {
                try removeTree(path + "/" + entry.name, kind: entry.kind)
            }
            if rmdir(path) != 0 { throw Failure(operation: "removing folder", path: path, code: errno) }
        } else if unlink(path) != 0 && errno != ENOENT {
            throw Failure(operation: "removing", path: path, code: errno)
        }
    }

    /// Renames `source` to `destination` (same file system; atomic for files and empty targets).
    package static func rename(_ source: String, to destination: String) throws {
        if posixRename(source, destination) != 0 {
            throw Failure(operation: "renaming", path: source, code: errno)
        }
    }

    /// The absolute, symlink-free form of an existing path, or nil.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The process's current folder.
    package static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// The user's home folder, from `$HOME`, or nil.
    package static func homeDirectory() -> String? {
        guard let home = getenv("HOME") else { return nil }
        let value = String(cString: home)
        return value.isEmpty ? nil : value
    }
}
