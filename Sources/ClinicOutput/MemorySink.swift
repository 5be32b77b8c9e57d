import ClinicBase
import ClinicContent
import Synchronization

/// Keeps rendered files in memory: for the preview server and for tests.
public final class MemorySink: OutputSink {
    private let storage = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws {
        storage.withLock { $0[path] = bytes }
    }

    public func remove(_ path: String) throws {
        storage.withLock { $0[path] = nil }
    }

    public func copy(_ file: StaticFile) throws {
        let bytes = try FileSystem.readBytes(file.sourcePath)
        storage.withLock { $0[file.outputPath] = bytes }
    }

    /// Every stored file by path.
    public var files: [String: [UInt8]] { storage.withLock { $0 } }

    /// One file's text, or nil.
    public func text(_ path: String) -> String? {
        storage.withLock { $0[path] }.map { String(decoding: $0, as: UTF8.self) }
    }
}
