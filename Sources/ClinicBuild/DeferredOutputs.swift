import ClinicBase
import ClinicContent
import ClinicRender
import Synchronization

/// Outputs a rebuild left to render after it returned: outputs whose view changed but that do
/// not show the saved files (the other pages of the aftercare index, whose entries shift by
/// one when a page comes or goes). The preview tells browsers to reload first and renders
/// these right after; a request for one before then renders it on the spot, so what is served
/// is always what a full build writes.
///
/// Each output renders from its view, an immutable value: nothing a later save changes.
public final class DeferredOutputs: Sendable {
    private struct State {
        /// Outputs not rendered yet, by key.
        var waiting: [String: Output]
        /// Outputs rendered.
        var done: [String: [UInt8]] = [:]
    }

    private let state: Mutex<State>
    private let theme: Theme
    /// Every deferred output's key, rendered yet or not.
    public let paths: Set<String>
    /// How many outputs ``finish()`` renders at a time: a request for one output waits for
    /// at most one such batch.
    static let batch = 8

    init(_ outputs: [Output], theme: Theme) {
        var waiting: [String: Output] = [:]
        for output in outputs { waiting[output.key] = output }
        state = Mutex(State(waiting: waiting))
        self.theme = theme
        paths = Set(waiting.keys)
    }

    /// The bytes of output `path`, rendered now if they were not yet; nil when `path` is not
    /// one of these outputs.
    public func bytes(for path: String) -> [UInt8]? {
        guard paths.contains(path) else { return nil }
        return state.withLock { state in
            if let bytes = state.done[path] { return bytes }
            let bytes = render(state.waiting.removeValue(forKey: path)!)
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
                guard !state.waiting.isEmpty else { return state.done }
                let next = state.waiting.keys.sorted().prefix(Self.batch).map { state.waiting.removeValue(forKey: $0)! }
                for (output, bytes) in zip(next, parallelMap(next) { self.render($0) }) { state.done[output.key] = bytes }
                return nil
            }
            if let finished { return finished }
        }
    }

    /// An output's bytes: rendered, or read for a file that is copied as it is (an empty file
    /// when it has gone since).
    private func render(_ output: Output) -> [UInt8] {
        if let bytes = theme.render(output) { return bytes }
        guard case .file(let view) = output.view else { return [] }
        return (try? FileSystem.readBytes(view.file.sourcePath)) ?? []
    }
}
