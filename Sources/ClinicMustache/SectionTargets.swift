/// A section over a typed value that may be absent: renders once with it pushed.
struct ObjectTarget<Child: MustacheModel>: SectionTarget {
    let read: Reader<Child>

    func compileSection(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render {
        let read = self.read
        if inverted {
            let inner = compiler.compile(body, scope)
            return { context, output in if read(context) == nil { inner(context, &output) } }
        }
        let (inner, _, depth) = compiler.compile(body, scope, pushing: Child.self, listElement: false)
        return { context, output in
            guard var child = read(context) else { return }
            withUnsafePointer(to: &child) { pointer in
                context.slots[depth] = Slot(pointer: pointer, index: 0, count: 1)
                inner(context, &output)
            }
        }
    }
}

/// A section over a list of typed values: renders once per element, with it pushed.
struct ListTarget<Child: MustacheModel>: SectionTarget {
    let read: @Sendable (RenderContext) -> [Child]

    func compileSection(_ body: [Node], inverted: Bool, scope: Scope, compiler: Compiler) -> Render {
        let read = self.read
        if inverted {
            let inner = compiler.compile(body, scope)
            return { context, output in if read(context).isEmpty { inner(context, &output) } }
        }
        let (first, later, depth) = compiler.compile(body, scope, pushing: Child.self, listElement: true)
        let others = later ?? first
        return { context, output in
            read(context).withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                for index in 0..<elements.count {
                    context.slots[depth] = Slot(pointer: base + index, index: index, count: elements.count)
                    (index == 0 ? first : others)(context, &output)
                }
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
                withUnsafePointer(to: &value) { push($0, context, depth, joins, first, &output) }
                return
            }
            elements.withUnsafeBufferPointer { elements in
                guard let base = elements.baseAddress else { return }
                for index in 0..<elements.count { push(base + index, context, depth, joins, index == 0 ? first : later, &output) }
            }
        }
    }

    private static func push(_ value: UnsafePointer<MustacheValue>, _ context: RenderContext, _ depth: Int, _ joins: Bool,
                             _ inner: ClinicMustache.Render, _ output: inout [UInt8]) {
        let saved = joins ? context.slots[depth] : nil
        var level = DynamicLevel(value: value, below: saved.map { $0.pointer.assumingMemoryBound(to: DynamicLevel.self) })
        withUnsafePointer(to: &level) { pointer in
            context.slots[depth] = Slot(pointer: pointer, index: 0, count: 1)
            inner(context, &output)
        }
        if let saved { context.slots[depth] = saved }
    }
}
