import ClinicBase
import ClinicContent
import ClinicOutput
import Synchronization

/// The sink a preview rebuild writes into: the files it wrote and the paths it removed, to be
/// published to the ``PreviewSite`` at once.
final class CollectingSink: OutputSink {
    private let state = Mutex<(written: [String: [UInt8]], removed: Set<String>)>(([:], []))

    func write(_ bytes: [UInt8], to path: String) throws {
        state.withLock {
            $0.written[path] = bytes
            $0.removed.remove(path)
        }
    }

    func copy(_ file: StaticFile) throws {
        try write(FileSystem.readBytes(file.sourcePath), to: file.outputPath)
    }

    func remove(_ path: String) throws {
        state.withLock {
            $0.written[path] = nil
            $0.removed.insert(path)
        }
    }

    /// Every file written, by path.
    var written: [String: [UInt8]] { state.withLock { $0.written } }
    /// Every path removed, sorted.
    var removed: [String] { state.withLock { $0.removed.sorted() } }
}
