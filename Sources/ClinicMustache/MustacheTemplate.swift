/// A compiled template: renders without any dynamic lookup.
public struct MustacheTemplate<Model>: Sendable {
    let root: Render
    let slotCount: Int
    let cacheCount: Int
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
        let box = Box(model)
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: slotCount) { slots in
            withUnsafeTemporaryAllocation(of: UnsafeRawPointer?.self, capacity: max(1, cacheCount)) { caches in
                caches.initialize(repeating: nil)
                slots.initializeElement(at: 0, to: Slot(pointer: Unmanaged.passUnretained(box).toOpaque(), index: 0, count: 1))
                withExtendedLifetime(box) {
                    root(RenderContext(slots: slots.baseAddress!, caches: caches.baseAddress!), &buffer)
                }
                for case let cached? in caches where cached != RenderContext.absent { Unmanaged<AnyObject>.fromOpaque(cached).release() }
            }
        }
    }
}
