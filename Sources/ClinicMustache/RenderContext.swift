/// A compiled piece of template: appends its output for the context to the buffer.
typealias Render = @Sendable (RenderContext, inout [UInt8]) -> Void

/// Reads a value from the context; nil when it is absent.
typealias Reader<Value> = @Sendable (RenderContext) -> Value?

/// The context stack while a template renders: one slot per section depth, each pointing at
/// the value that section pushed.
///
/// The compiler knows the type of the value in every slot at every tag (it bound the tag
/// against it), so a field is read by going straight to its slot: no lookup by name, no cast.
/// Slots live in a temporary allocation of the render call; each points at a value that
/// outlives the section body reading it (a local of the section's closure, an element of a
/// list being iterated, or the model itself).
struct RenderContext {
    let slots: UnsafeMutablePointer<Slot>

    /// The value of type `Value` at `depth`.
    @inline(__always)
    func value<Value>(at depth: Int, as type: Value.Type) -> UnsafePointer<Value> {
        slots[depth].pointer.assumingMemoryBound(to: Value.self)
    }
}

/// One level of the context stack.
struct Slot {
    var pointer: UnsafeRawPointer
    /// For an element of a list: its position and the list's length (for `first()`, `last()`).
    var index: Int
    var count: Int
}

/// One level of a run of ``MustacheValue`` sections sharing one slot: the value and the level
/// below it in the run, searched in turn at render time.
struct DynamicLevel {
    let value: UnsafePointer<MustacheValue>
    let below: UnsafePointer<DynamicLevel>?
}

/// A template being compiled that includes itself: filled in once it is compiled.
final class RenderSlot: @unchecked Sendable {
    var render: Render = { _, _ in }
}

/// Where a value of type `Model` is found while rendering.
enum Path<Model>: Sendable {
    /// The value a section pushed at this depth.
    case slot(Int)
    /// A value computed from the context (a field of a field).
    case read(Reader<Model>)

    /// Reads `get` of the value.
    func map<Value>(_ get: @escaping @Sendable (Model) -> Value?) -> Reader<Value> {
        switch self {
        case .slot(let depth):
            return { context in get(context.value(at: depth, as: Model.self).pointee) }
        case .read(let read):
            return { context in read(context).flatMap(get) }
        }
    }
}
