/// An immutable value kept behind one reference, so copies of whatever holds it share it
/// instead of copying it: a site value with 10,000 pages is copied by copying 10,000
/// references, and an unchanged page is the same object in the next value of the site.
/// Equal when it is the same object, or when the values are equal.
public final class Shared<Value: Sendable>: Sendable {
    /// The value.
    public let value: Value

    /// Keeps `value`.
    public init(_ value: Value) {
        self.value = value
    }
}

extension Shared: Equatable where Value: Equatable {
    public static func == (lhs: Shared, rhs: Shared) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }
}
