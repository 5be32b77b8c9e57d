/// A compiled piece of template: appends its output for the context to the buffer.
typealias Render = @Sendable (RenderContext, inout [UInt8]) -> Void

/// Reads a value from the context; nil when it is absent.
@usableFromInline
typealias Reader<Value> = @Sendable (RenderContext) -> Value?

/// The context stack while a template renders: one slot per section depth, each holding the
/// value that section pushed.
///
/// The compiler knows the type of the value in every slot at every tag (it bound the tag
/// against it), so a field is read by going straight to its slot: no lookup by name, no cast.
/// Slots live in a temporary allocation of the render call. The model and objects are held in
/// a ``Box`` (kept alive by the section that pushed it); strings and list elements by a pointer
/// to a local of the section's closure or into the list being iterated.
@usableFromInline
struct RenderContext {
    @usableFromInline
    let slots: UnsafeMutablePointer<Slot>
    /// Values reached through the model (`page` in `{{page.title}}`), each read once per render
    /// into a ``Box`` and kept until the render ends; nil until first read.
    @usableFromInline
    let caches: UnsafeMutablePointer<UnsafeRawPointer?>

    /// The boxed value at `depth`, borrowed.
    @inlinable @inline(__always)
    func boxed<Value, Result>(at depth: Int, as type: Value.Type, _ body: (Value) -> Result) -> Result {
        Unmanaged<Box<Value>>.fromOpaque(slots[depth].pointer)._withUnsafeGuaranteedRef { body($0.value) }
    }

    /// The value of cache `index` (read with `read` the first time), borrowed; nil when absent.
    @inlinable @inline(__always)
    func cached<Value, Result>(_ index: Int, _ read: Reader<Value>, _ body: (Value) -> Result?) -> Result? {
        if caches[index] == nil {
            caches[index] = read(self).map { UnsafeRawPointer(Unmanaged.passRetained(Box($0)).toOpaque()) } ?? Self.absent
        }
        guard let pointer = caches[index], pointer != Self.absent else { return nil }
        return Unmanaged<Box<Value>>.fromOpaque(pointer)._withUnsafeGuaranteedRef { body($0.value) }
    }

    /// Marks a cache whose value was read and is absent (never dereferenced).
    @inlinable
    static var absent: UnsafeRawPointer { UnsafeRawPointer(bitPattern: 8)! }

    /// The value of type `Value` at `depth`.
    @inlinable @inline(__always)
    func value<Value>(at depth: Int, as type: Value.Type) -> UnsafePointer<Value> {
        slots[depth].pointer.assumingMemoryBound(to: Value.self)
    }
}

/// One level of the context stack.
@usableFromInline
struct Slot {
    @usableFromInline
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

/// A value held where a reader can borrow it: reading a `let` of a class instance needs no
/// copy, where reading through a pointer copies the whole value before passing it to a getter.
@usableFromInline
final class Box<Value> {
    @usableFromInline
    let value: Value

    @usableFromInline
    init(_ value: Value) {
        self.value = value
    }
}

/// Where a value of type `Model` is found while rendering.
///
/// Readers are built by inlinable code (``MustacheField``'s factories, ``map``), so they are
/// specialized for the model type in the module that declares it: a field is read in place,
/// without copying the model or looking up its type's metadata.
@usableFromInline
enum Path<Model>: Sendable {
    /// The value a section pushed at this depth (an element of a list, a string).
    case slot(Int)
    /// The ``Box`` a section pushed at this depth (the model, an object).
    case boxed(Int)
    /// A value read once per render into cache `index` (an object reached from the model).
    case cached(Int, Reader<Model>)
    /// A value computed from the context (a field of a field).
    case read(Reader<Model>)

    /// Whether values reached from here stay the same for the whole render, so can be cached.
    @inlinable
    var isFixedForTheRender: Bool {
        switch self {
        case .boxed(0), .cached: return true
        default: return false
        }
    }

    /// Reads `get` of the value.
    @inlinable
    func map<Value>(_ get: @escaping @Sendable (Model) -> Value?) -> Reader<Value> {
        switch self {
        case .slot(let depth):
            return { context in get(context.value(at: depth, as: Model.self).pointee) }
        case .boxed(let depth):
            return { context in context.boxed(at: depth, as: Model.self, get) }
        case .cached(let index, let read):
            return { context in context.cached(index, read, get) }
        case .read(let read):
            return { context in read(context).flatMap(get) }
        }
    }
}

/// Hands out cache slots while a template is compiled, one per object reached from the model.
@usableFromInline
final class CacheSlots {
    private var indices: [String: Int] = [:]

    /// The cache for the value reached by `key` (the dotted name up to it).
    @usableFromInline
    func index(for key: String) -> Int {
        if let index = indices[key] { return index }
        indices[key] = indices.count
        return indices.count - 1
    }

    var count: Int { indices.count }
}
