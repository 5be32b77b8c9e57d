import ClinicBase
import ClinicContent

/// Where output files go, one at a time, as soon as each is rendered (stage 6).
///
/// `build` writes into a staging folder that replaces the output only when everything
/// succeeded; the preview server keeps files in memory. Sinks are called from several
/// threads at once.
public protocol OutputSink: Sendable {
    /// Stores `bytes` at `path` (relative to the output root, `/`-separated).
    func write(_ bytes: [UInt8], to path: String) throws
    /// Stores a copy of a static file at its output path.
    func copy(_ file: StaticFile) throws
    /// Removes the file at `path`: an output the site no longer has.
    func remove(_ path: String) throws
    /// Stores the file at `file` (absolute: a processed photo in the image cache, which no one
    /// changes) at `path`; a folder sink links it instead of copying its bytes.
    func publish(_ file: String, to path: String) throws
}

extension OutputSink {
    /// Reads the file and writes its bytes.
    public func publish(_ file: String, to path: String) throws {
        try write(FileSystem.readBytes(file), to: path)
    }
}
