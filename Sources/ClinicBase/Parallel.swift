import Dispatch

/// Runs `transform` over `items` on all cores and returns the results in input order, so the
/// outcome never depends on scheduling.
package func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    if items.count < 2 { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
    results.initialize(repeating: nil)
    defer {
        results.deinitialize()
        results.deallocate()
    }
    let box = UncheckedBox(results)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        box.value[index] = transform(items[index])
    }
    return results.map { $0! }
}

/// Runs `body` for each index on all cores.
package func parallelForEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count < 2 {
        for index in 0..<count { body(index) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
}

/// Carries a value across a concurrency boundary where the code guarantees exclusive access
/// (each parallel iteration writes only its own slot).
package struct UncheckedBox<Value>: @unchecked Sendable {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}

/// A value handed to exactly one parallel iteration, which takes it and leaves nothing behind
/// (so what it holds is freed as soon as that iteration is done with it).
package final class TakeOnce<Value>: @unchecked Sendable {
    private var value: Value?

    package init(_ value: Value) {
        self.value = value
    }

    package func take() -> Value {
        defer { value = nil }
        return value!
    }
}
