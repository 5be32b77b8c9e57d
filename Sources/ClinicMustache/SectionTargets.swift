/// Pushes a section's value: calls the body with the slot pointer for it, if it is present.
@usableFromInline
typealias ObjectDriver = @Sendable (RenderContext, (UnsafeRawPointer) -> Void) -> Void

/// Pushes each element of a list: calls the body with the slot pointer, index and count.
@usableFromInline
typealias ListDriver = @Sendable (RenderContext, (UnsafeRawPointer, Int, Int) -> Void) -> Void

/// Builds the closures that read and push a section's value. They are inlinable, so that they
/// are specialized for the child type where it is declared: no generic metadata is looked up
/// while rendering.
@usableFromInline
enum SectionDrivers {
    /// An object, pushed in a ``Box``.
    @inlinable
    static func boxed<Child>(_ read: @escaping Reader<Child>) -> ObjectDriver {
        { context, body in
            guard let child = read(context) else { return }
            let box = Box(child)
            withExtendedLifetime(box) { body(UnsafeRawPointer(Unmanaged.passUnretained(box).toOpaque())) }
        }
    }

    /// A value pushed by pointer (strings: cheaper to copy than to box).
    @inlinable
    static func pointed<Child>(_ read: @escaping Reader<Child>) -> ObjectDriver {
        { context, body in
            guard var child = read(context) else { return }
            withUnsafePointer(to: &child) { body(UnsafeRawPointer($0)) }
        }
    }

    /// The elements of a list, each pushed by a pointer into the array.
    @inlinable
    static func list<Child>(_ read: @escaping Reader<[Child]>) -> ListDriver {
        { context, body in
            guard let list = read(context) else { return }
            list.withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                for index in 0..<elements.count { body(UnsafeRawPointer(base + index), index, elements.count) }
            }
        }
    }
}

/// A section over a typed value that may be absent: renders once with it pushed.
struct ObjectTarget<Child: MustacheModel>: SectionTarget {
    let push: ObjectDriver
    let isPresent: @Sendable (RenderContext) -> Bool
    /// The value is pushed in a ``Box`` (not by pointer).
    let boxed: Bool

    func compileSection(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render {
        let isPresent = self.isPresent
        if inverted {
            let inner = compiler.compile(body, scope)
            return { context, output in if !isPresent(context) { inner(context, &output) } }
        }
        let (inner, _, depth) = compiler.compile(body, scope, pushing: Child.self, listElement: false, boxed: boxed)
        let push = self.push
        return { context, output in
            push(context) { pointer in
                context.slots[depth] = Slot(pointer: pointer, index: 0, count: 1)
                inner(context, &output)
            }
        }
    }
}

/// A section over a list of typed values: renders once per element, with it pushed.
struct ListTarget<Child: MustacheModel>: SectionTarget {
    let push: ListDriver
    let count: @Sendable (RenderContext) -> Int

    func compileSection(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render {
        let count = self.count
        if inverted {
            let inner = compiler.compile(body, scope)
            return { context, output in if count(context) == 0 { inner(context, &output) } }
        }
        let (first, later, depth) = compiler.compile(body, scope, pushing: Child.self, listElement: true, boxed: false)
        let push = self.push
        guard let later else {
            return { context, output in
                push(context) { pointer, index, count in
                    context.slots[depth] = Slot(pointer: pointer, index: index, count: count)
                    first(context, &output)
                }
            }
        }
        return { context, output in
            push(context) { pointer, index, count in
                context.slots[depth] = Slot(pointer: pointer, index: index, count: count)
                if index == 0 { first(context, &output) } else { later(context, &output) }
            }
        }
    }
}

/// A section over a value known only at render time, as the spec says: nothing for null,
/// false and an empty list; once per element of a list; else once, with the value pushed.
///
/// ``MustacheValue`` levels share one slot (a run of them is searched in turn), so recursion
/// over such data compiles once, however deep the data goes.
struct DynamicSection {
    typealias Render = @Sendable (RenderContext, MustacheValue, inout [UInt8]) -> Void

    static func compile(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render {
        if inverted {
            let inner = compiler.compile(body, scope)
            return { context, value, output in if !value.isTruthy { inner(context, &output) } }
        }
        let (first, later, depth, joins) = compiler.compile(body, scope, pushingDynamic: ())
        return { context, value, output in
            guard value.isTruthy else { return }
            guard case .list(let elements) = value else {
                var value = value
                withUnsafePointer(to: &value) { push($0, 0, 0, context, depth, joins, first, &output) }
                return
            }
            elements.withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                for index in 0..<elements.count {
                    push(base + index, index, elements.count, context, depth, joins, index == 0 ? first : later, &output)
                }
            }
        }
    }

    /// Pushes `value`, element `index` of a list of `count` (a count of 0: not in a list).
    private static func push(_ value: UnsafePointer<MustacheValue>, _ index: Int, _ count: Int, _ context: RenderContext,
                             _ depth: Int, _ joins: Bool, _ inner: ClinicMustache.Render, _ output: inout [UInt8]) {
        let saved = joins ? context.slots[depth] : nil
        var level = DynamicLevel(value: value, below: saved.map { $0.pointer.assumingMemoryBound(to: DynamicLevel.self) })
        withUnsafePointer(to: &level) { pointer in
            context.slots[depth] = Slot(pointer: pointer, index: index, count: count)
            inner(context, &output)
        }
        if let saved { context.slots[depth] = saved }
    }
}
