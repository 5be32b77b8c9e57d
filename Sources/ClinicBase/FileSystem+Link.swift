#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Makes `destination` the same file as `source` (a hard link: no byte is copied), or a
    /// copy of it where a link cannot be made (another file system, one that has no links).
    /// A file already at `destination` is replaced.
    package static func linkOrCopy(from source: String, to destination: String) throws {
        if link(source, destination) == 0 { return }
        let code = errno
        switch code {
        case EEXIST:
            try removeTree(destination)
            try linkOrCopy(from: source, to: destination)
        case EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP:
            try copyFile(from: source, to: destination)
        default:
            throw Failure(operation: "linking", path: destination, code: code)
        }
    }
}
