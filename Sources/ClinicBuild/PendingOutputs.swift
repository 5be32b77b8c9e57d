import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicRender
import ClinicOutput
import Synchronization

/// Outputs an incremental rebuild left to render after it returned: outputs a save changes
/// but that show the saved page only in passing (the other pages of the aftercare index,
/// whose entries shift by one when a page comes or goes; pages whose related list changed;
/// the sitemap). The preview tells browsers to reload first and renders these right after;
/// a request for one before then renders it on the spot, so what is served is always what
/// a full build writes.
///
/// Renders read the builder's ``RenderSession``; the builder changes it only after every
/// pending output is rendered (``IncrementalBuilder`` finishes them before its next change).
public final class PendingOutputs: Sendable {
    private struct State {
        /// Outputs not rendered yet.
        package var renders: [String: @Sendable () -> String]
        /// Outputs rendered.
        package var done: [String: [UInt8]] = [:]
    }

    private let state: Mutex<State>
    /// Every pending output path, rendered yet or not.
    public let paths: Set<String>
    /// How many outputs ``finish()`` renders at a time: a request for one output waits for
    /// at most one such batch.
    package static let batch = 8

    package init(_ outputs: [(path: String, render: @Sendable () -> String)]) {
        var renders: [String: @Sendable () -> String] = [:]
        for output in outputs { renders[output.path] = output.render }
        state = Mutex(State(renders: renders))
        paths = Set(renders.keys)
    }

    /// The bytes of output `path`, rendered now if they were not yet; nil when `path` is not
    /// one of these outputs.
    public func bytes(for path: String) -> [UInt8]? {
        guard paths.contains(path) else { return nil }
        return state.withLock { state in
            if let bytes = state.done[path] { return bytes }
            let bytes = Array(state.renders.removeValue(forKey: path)!().utf8)
            state.done[path] = bytes
            return bytes
        }
    }

    /// Renders every output not rendered yet, a few at a time on all cores, and returns them
    /// all (path → bytes).
    @discardableResult
    public func finish() -> [String: [UInt8]] {
        while true {
            let finished = state.withLock { state -> [String: [UInt8]]? in
                guard !state.renders.isEmpty else { return state.done }
                let next = Array(state.renders.keys.prefix(Self.batch))
                let renders = next.map { state.renders.removeValue(forKey: $0)! }
                for (path, text) in zip(next, parallelMap(renders) { $0() }) { state.done[path] = Array(text.utf8) }
                return nil
            }
            if let finished { return finished }
        }
    }
}
