/// A compiled template: renders without any dynamic lookup.
public struct MustacheTemplate<Model>: Sendable {
    let root: Render
    let slotCount: Int
    let estimatedSize: Int

    /// Renders `model` into a new buffer.
    public func render(_ model: Model) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(estimatedSize)
        render(model, into: &buffer)
        return buffer
    }

    /// Renders `model`, appending to `buffer`.
    public func render(_ model: Model, into buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: slotCount) { slots in
            var model = model
            withUnsafePointer(to: &model) { pointer in
                slots.initializeElement(at: 0, to: Slot(pointer: pointer, index: 0, count: 1))
                root(RenderContext(slots: slots.baseAddress!), &buffer)
            }
        }
    }
}
