/// What the compiler knows at a tag: the types on the context stack, the indentation to add
/// at each line start, and the block overrides in force.
struct Scope {
    /// The context stack, innermost first.
    var frames: [FrameInfo]
    /// How many ``MustacheValue`` sections enclose the tag (they share slots, so the frames
    /// alone do not tell whether a template that includes itself went through one).
    var dynamicPushes = 0
    /// Added at each line start (a standalone partial's or block's indentation).
    var add: [UInt8] = []
    /// Removed from the start of each line (a block's own indentation where it is defined).
    var strip: [UInt8] = []
    /// Block content passed down by `{{<parent}}` tags, by block name.
    var overrides: [String: BlockDefinition] = [:]

    /// The types on the stack, for telling compiled templates apart.
    var signature: String {
        frames.map { "\($0.binder.typeID)\($0.isListElement ? "[]" : "")" }.joined(separator: ",")
    }
}

/// One level of the context stack at compile time.
struct FrameInfo {
    /// Its slot while rendering.
    var depth: Int
    var binder: any FrameBinder
    /// An element of a list section: `first()`, `last()` and `index()` read its position.
    var isListElement: Bool
}

/// What a name finds in one level of the context stack.
enum Resolution {
    /// Not here: look further out.
    case absent
    case found(Binding)
    /// Maybe here, at render time: nil when not.
    case candidate(Reader<MustacheValue>)
}

/// Binds names against the value of one level of the stack.
protocol FrameBinder {
    var typeID: ObjectIdentifier { get }
    /// What messages call the value, and its fields.
    var schemaName: String { get }
    var fieldNames: [String] { get }
    func resolve(_ segments: [String], depth: Int, caches: CacheSlots) -> Resolution
    /// What `{{.}}` reads, if the value has a value of its own.
    func implicit(depth: Int) -> Bound?
    /// A run of ``MustacheValue`` levels, which a further one joins.
    var isDynamicRun: Bool { get }
}

extension FrameBinder {
    var isDynamicRun: Bool { false }
}

/// A level holding a value of a typed model.
struct TypedFrame<Model: MustacheModel>: FrameBinder {
    let schema = Model.mustacheSchema
    /// The slot holds a ``Box`` (the model, an object), not a pointer to the value.
    let boxed: Bool
    var typeID: ObjectIdentifier { ObjectIdentifier(Model.self) }
    var schemaName: String { schema.name }
    var fieldNames: [String] { schema.fieldNames }

    private func path(_ depth: Int) -> Path<Model> {
        boxed ? .boxed(depth) : .slot(depth)
    }

    func resolve(_ segments: [String], depth: Int, caches: CacheSlots) -> Resolution {
        if schema.looksUpAtRenderTime, let implicit = schema.implicit {
            let read = path(depth).map(implicit.value)
            let first = segments[0]
            let rest = segments[1...]
            return .candidate { read($0)?.member(first)?.descend(rest) }
        }
        guard schema.field(named: segments[0]) != nil else { return .absent }
        return .found(schema.bind(path(depth), segments, 0, caches).binding)
    }

    func implicit(depth: Int) -> Bound? {
        guard let implicit = schema.implicit, case .bound(let bound) = implicit.bind(path(depth), ["."], 0, CacheSlots()).binding else { return nil }
        return bound
    }
}

/// A run of ``MustacheValue`` sections sharing one slot, searched innermost first.
struct DynamicFrame: FrameBinder {
    var typeID: ObjectIdentifier { ObjectIdentifier(DynamicLevel.self) }
    var schemaName: String { "value" }
    var isDynamicRun: Bool { true }
    var fieldNames: [String] { [] }

    func resolve(_ segments: [String], depth: Int, caches: CacheSlots) -> Resolution {
        let first = segments[0]
        let rest = segments[1...]
        return .candidate { context in
            var level: UnsafePointer<DynamicLevel>? = context.value(at: depth, as: DynamicLevel.self)
            while let current = level {
                if let member = current.pointee.value.pointee.member(first) { return member.descend(rest) }
                level = current.pointee.below
            }
            return nil
        }
    }

    func implicit(depth: Int) -> Bound? {
        .dynamic { $0.value(at: depth, as: DynamicLevel.self).pointee.value.pointee }
    }
}
