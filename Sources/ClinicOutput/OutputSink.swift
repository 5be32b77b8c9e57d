import ClinicBase
import ClinicContent
/// Where rendered files go, one at a time, as soon as each is rendered (stage 6).
///
/// `build` writes into a staging folder that replaces the output only when everything
/// succeeded; the preview server keeps files in memory. Sinks are called from several
/// threads at once.
public protocol OutputSink: Sendable {
    /// Stores `contents` at `path` (relative to the output root, `/`-separated).
    func write(_ contents: String, to path: String) throws
    /// Stores a copy of a static file.
    func copy(_ file: StaticFile) throws
}
