import ClinicBase
import ClinicContent
import ClinicModel
import ClinicOutput
import ClinicRender
import Foundation

/// Outputs a rebuild left to render after it returned: outputs whose view changed but that do
/// not show the saved files (the other pages of the aftercare index, whose entries shift by
/// one when a page comes or goes), and processed photos, which are made off the path of a
/// save. The preview tells browsers to reload first and renders these right after; a request
/// for one before then renders it on the spot (a photo's file alone, so a browser gets it
/// without waiting for the photo's other files), so what is served is always what a full
/// build writes.
///
/// Each output renders from its view, an immutable value: nothing a later save changes. An
/// output being rendered does not hold the others up: a request waits only for its own.
public final class DeferredOutputs: @unchecked Sendable {
    private struct State {
        /// Outputs not rendered yet, by key.
        var waiting: [String: Output]
        /// Outputs being rendered.
        var running: Set<String> = []
        /// Outputs rendered.
        var done: [String: [UInt8]] = [:]
        /// Photo files being made with their photo's others by ``finish()``, by key.
        var runningImages: [String: ImageFileView] = [:]
        /// Photos that could not be processed.
        var failures: [Diagnostic] = []
    }

    /// Guards `state`; waited on for an output being rendered elsewhere.
    private let condition = NSCondition()
    private var state: State
    private let theme: Theme
    private let images: ProcessedImages
    private let site: Site
    /// Every deferred output's key, rendered yet or not.
    public let paths: Set<String>
    /// How many pages ``finish()`` renders at a time: a request for one output waits for
    /// at most one such batch.
    static let batch = 8

    init(_ outputs: [Output], theme: Theme, images: ProcessedImages = .inMemory(), site: Site) {
        var waiting: [String: Output] = [:]
        for output in outputs { waiting[output.key] = output }
        state = State(waiting: waiting)
        self.theme = theme
        self.images = images
        self.site = site
        paths = Set(waiting.keys)
    }

    /// The bytes of output `path`, rendered now if they were not yet; nil when `path` is not
    /// one of these outputs. A photo's file being made with the photo's others is made here on
    /// its own rather than waited for: it comes sooner, and the bytes are the same.
    public func bytes(for path: String) -> [UInt8]? {
        guard paths.contains(path) else { return nil }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let bytes = state.done[path] { return bytes }
            var output = state.waiting.removeValue(forKey: path)
            if output == nil, let view = state.runningImages[path] { output = Output(key: path, view: .image(view)) }
            if let output {
                state.running.insert(path)
                condition.unlock()
                let rendered = render([output])
                condition.lock()
                if state.done[path] == nil { record(rendered) }
                return state.done[path]
            }
            condition.wait()
        }
    }

    /// True when every output has been rendered.
    public var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return state.waiting.isEmpty && state.running.isEmpty
    }

    /// Renders every output not rendered yet and hands every output's bytes to `sink`, as a
    /// rebuild hands it those it rendered at once: `build` and `serve` differ only in the sink.
    public func finish(into sink: any OutputSink) throws {
        for (path, bytes) in renderAll().sorted(by: { $0.key < $1.key }) {
            try sink.write(bytes, to: path)
        }
    }

    /// Renders every output not rendered yet, now (a request for one meanwhile gets it as soon
    /// as it is ready).
    public func finish() {
        _ = renderAll()
    }

    /// Renders every output not rendered yet (pages a few at a time on all cores, then each
    /// photo's files together, one photo per core), and returns them all (path → bytes).
    private func renderAll() -> [String: [UInt8]] {
        while let next = take() {
            let rendered = parallelMap(next) { self.render($0) }
            condition.lock()
            for result in rendered { record(result) }
            condition.unlock()
        }
        condition.lock()
        defer { condition.unlock() }
        while !state.running.isEmpty { condition.wait() }
        return state.done
    }

    /// The photos that could not be processed, at the places that show them.
    public var failures: [Diagnostic] {
        condition.lock()
        defer { condition.unlock() }
        return state.failures.sorted()
    }

    /// The next outputs to render, marked running: a batch of pages, else up to one photo's
    /// files per core; nil when none wait.
    private func take() -> [[Output]]? {
        condition.lock()
        defer { condition.unlock() }
        guard !state.waiting.isEmpty else { return nil }
        let keys = state.waiting.keys.sorted()
        let pages = keys.lazy.filter { !self.state.waiting[$0]!.view.isImage }.prefix(Self.batch)
        var chosen: [[Output]]
        if !pages.isEmpty {
            chosen = pages.map { [state.waiting[$0]!] }
        } else {
            let groups = ImageGroups(outputs: keys.map { state.waiting[$0]! }).groups
            chosen = groups.prefix(ProcessInfo.processInfo.activeProcessorCount).map { group in
                group.map { Output(key: $0.key, view: .image($0.view)) }
            }
        }
        for output in chosen.joined() {
            state.waiting[output.key] = nil
            state.running.insert(output.key)
            if case .image(let view) = output.view { state.runningImages[output.key] = view }
        }
        return chosen
    }

    /// Stores rendered outputs and wakes whoever waits for them; call with the lock held.
    private func record(_ rendered: Rendered) {
        for (key, bytes) in rendered.bytes {
            state.done[key] = state.done[key] ?? bytes
            state.running.remove(key)
            state.runningImages[key] = nil
        }
        state.failures += rendered.failures
        condition.broadcast()
    }

    private struct Rendered: Sendable {
        var bytes: [(String, [UInt8])]
        var failures: [Diagnostic] = []
    }

    /// Renders `outputs`: pages and copied files one by one, processed photos (all of one
    /// photo) in one go; a photo that fails gives empty files and its errors.
    private func render(_ outputs: [Output]) -> Rendered {
        let views = outputs.compactMap { output -> ImageFileView? in
            if case .image(let view) = output.view { return view }
            return nil
        }
        guard !views.isEmpty else {
            return Rendered(bytes: outputs.map { ($0.key, renderPage($0)) })
        }
        switch images.bytes(views) {
        case .success(let files): return Rendered(bytes: Array(zip(outputs.map(\.key), files)))
        case .failure(let failure):
            return Rendered(bytes: outputs.map { ($0.key, []) }, failures: failure.diagnostics(in: site))
        }
    }

    /// An output's bytes: rendered, or read for a file that is copied as it is (an empty file
    /// when it has gone since).
    private func renderPage(_ output: Output) -> [UInt8] {
        if let bytes = theme.render(output) { return bytes }
        guard case .file(let view) = output.view else { return [] }
        return (try? FileSystem.readBytes(view.file.sourcePath)) ?? []
    }
}
