/// What tells one version of a file from another without reading it: its size, its
/// modification time and its inode (an editor that saves by writing a new file and renaming
/// it over the old one gives a new inode).
public struct FileStamp: Sendable, Hashable {
    /// Bytes.
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    /// The file's inode number.
    public var inode: UInt64

    /// Creates a stamp.
    public init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}
