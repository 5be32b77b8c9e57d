/// Compiles parsed templates into closures for one model type.
///
/// Every tag is bound against the types on the context stack at that tag (``Scope``); a
/// template included from several places is compiled once per stack type, indentation and
/// set of block overrides.
final class Compiler {
    /// How a node list treats the line start it opens with.
    enum Lead: Hashable {
        /// As any other line start: add the indentation.
        case normal
        /// It continues a line already begun: remove the block's own indentation, add nothing.
        case noAdd
        /// It begins a new, indented line: add the indentation even without a line start there.
        case add
    }

    let templates: [String: ParsedTemplate]
    let options: MustacheOptions
    /// The caches of objects reached from the model.
    let caches = CacheSlots()
    private(set) var diagnostics: [MustacheDiagnostic] = []
    /// Slots the deepest section needs.
    private(set) var slotCount = 1
    /// Bytes of fixed text, for reserving output capacity.
    private(set) var staticBytes = 0
    var compiled: [String: CompiledTemplate] = [:]
    var inProgress: [(key: String, name: String, signature: String, slot: RenderSlot, dynamicPushes: Int)] = []

    /// A template compiled for one scope, and what compiling it found.
    struct CompiledTemplate {
        let render: Render
        let diagnostics: [MustacheDiagnostic]
    }

    init(templates: [String: ParsedTemplate], options: MustacheOptions) {
        self.templates = templates
        self.options = options
    }

    /// Compiles `nodes` in `scope`.
    func compile(_ nodes: [Node], _ scope: Scope, lead: Lead = .normal) -> Render {
        var emitter = Emitter()
        if lead == .add, !nodes.startsWithLineStart { emitter.append(scope.add) }
        var stripNext = false
        for (index, node) in nodes.enumerated() {
            if case .lineStart = node {
                if index > 0 || lead != .noAdd { emitter.append(scope.add) }
                stripNext = !scope.strip.isEmpty
                continue
            }
            emit(node, in: scope, stripping: stripNext, into: &emitter)
            stripNext = false
        }
        staticBytes += emitter.staticBytes
        return emitter.finish()
    }

    private func emit(_ node: Node, in scope: Scope, stripping: Bool, into emitter: inout Emitter) {
        switch node {
        case .lineStart:
            return
        case .text(let text):
            emitter.append(stripping ? text.droppingCommonPrefix(scope.strip) : text)
        case .variable(let tag, let raw, let ampersand):
            emitter.append(interpolation(tag, raw: raw, ampersand: ampersand, scope))
        case .section(let tag, let inverted, let body):
            emitter.append(section(tag, inverted: inverted, body: body, scope))
        case .partial(let tag, let include):
            emitter.append(self.include(tag, include, blocks: nil, scope))
        case .parent(let tag, let include, let blocks):
            emitter.append(self.include(tag, include, blocks: blocks, scope))
        case .block(let tag, let expansion):
            emitter.append(block(tag, expansion, scope))
        }
    }

    /// Compiles `body` with a value of type `Child` pushed; returns it and the child's slot.
    func compile<Child: MustacheModel>(_ body: [Node], _ scope: Scope, pushing: Child.Type, listElement: Bool,
                                       boxed: Bool) -> (Render, Render?, Int) {
        let depth = scope.frames.count
        slotCount = max(slotCount, depth + 1)
        var inner = scope
        inner.frames.insert(FrameInfo(depth: depth, binder: TypedFrame<Child>(boxed: boxed), isListElement: listElement), at: 0)
        return (compile(body, inner), listElement ? compileLaterElements(body, inner) : nil, depth)
    }

    /// Compiles the body of a list section for its second and later elements: without the
    /// indentation of its first line when ``MustacheOptions/indentsEveryListElement`` is off
    /// (nil when that makes no difference).
    func compileLaterElements(_ body: [Node], _ scope: Scope) -> Render? {
        guard !options.indentsEveryListElement, !scope.add.isEmpty, body.startsWithLineStart else { return nil }
        return compile(body, scope, lead: .noAdd)
    }

    /// Compiles `body` with a ``MustacheValue`` pushed; returns it, the slot, and whether the
    /// value joins a run of such values already in that slot.
    func compile(_ body: [Node], _ scope: Scope, pushingDynamic: Void) -> (first: Render, later: Render, depth: Int, joins: Bool) {
        var inner = scope
        inner.dynamicPushes += 1
        let joins = scope.frames.first?.binder.isDynamicRun ?? false
        let depth = joins ? scope.frames[0].depth : scope.frames.count
        if !joins {
            slotCount = max(slotCount, depth + 1)
            inner.frames.insert(FrameInfo(depth: depth, binder: DynamicFrame(), isListElement: false), at: 0)
        }
        let first = compile(body, inner)
        return (first, compileLaterElements(body, inner) ?? first, depth, joins)
    }

    func error(_ tag: Tag, _ message: String) {
        diagnostics.append(MustacheDiagnostic(path: tag.path, line: tag.line, column: tag.column, message: message, severity: .error))
    }

    func warning(_ tag: Tag, _ message: String) {
        diagnostics.append(MustacheDiagnostic(path: tag.path, line: tag.line, column: tag.column, message: message, severity: .warning))
    }

    func append(_ found: [MustacheDiagnostic]) {
        diagnostics += found
    }

    /// Drops the diagnostics found since `count` (a trial compile's).
    func discardDiagnostics(from count: Int) {
        diagnostics.removeSubrange(count...)
    }

    /// Every diagnostic once, by file and place.
    var uniqueDiagnostics: [MustacheDiagnostic] {
        var seen: Set<MustacheDiagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
            .sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
    }
}

/// Collects the compiled pieces of a node list, merging consecutive text into one chunk.
///
/// The pieces are joined into a balanced tree of closures, each calling two it captured:
/// calling a captured closure needs no retain, where calling one taken from an array does, and
/// an array of closures also wraps each in a reabstraction thunk.
struct Emitter {
    /// A closure in a struct keeps its own calling convention inside an array.
    private struct Piece {
        let render: Render
    }

    private var pieces: [Piece] = []
    private var text: [UInt8] = []
    private(set) var staticBytes = 0

    mutating func append(_ bytes: [UInt8]) {
        text += bytes
        staticBytes += bytes.count
    }

    mutating func append(_ render: Render?) {
        guard let render else { return }
        flush()
        pieces.append(Piece(render: render))
    }

    private mutating func flush() {
        guard !text.isEmpty else { return }
        let chunk = TextChunk(text)
        let render: Render = { _, output in output.append(contentsOf: chunk.bytes) }
        pieces.append(Piece(render: render))
        text = []
    }

    mutating func finish() -> Render {
        flush()
        guard !pieces.isEmpty else { return { _, _ in } }
        return Self.join(pieces[...])
    }

    private static func join(_ pieces: ArraySlice<Piece>) -> Render {
        if pieces.count == 1 { return pieces[pieces.startIndex].render }
        let middle = pieces.startIndex + pieces.count / 2
        let first = join(pieces[..<middle])
        let second = join(pieces[middle...])
        return { context, output in
            first(context, &output)
            second(context, &output)
        }
    }
}

/// Fixed text of a template, in memory that lives as long as the compiled template (never
/// written after `init`, so safe to share).
final class TextChunk: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ text: [UInt8]) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = memory.initialize(from: text)
        self.bytes = UnsafeBufferPointer(memory)
    }

    deinit {
        bytes.deallocate()
    }
}
