/// Choices that change what a build includes.
public struct BuildOptions: Sendable, Hashable {
    /// Include pages with `draft: true`.
    public var includeDrafts: Bool
    /// Include pages dated after `today`.
    public var includeFuture: Bool
    /// Include pages whose `expires` day is before `today`.
    public var includeExpired: Bool
    /// The day builds compare dates against.
    public var today: Day
    /// Parse and render on all cores. The output is the same either way.
    public var parallel: Bool

    /// Creates options; `today` defaults to the local date.
    public init(includeDrafts: Bool = false, includeFuture: Bool = false, includeExpired: Bool = false,
                today: Day = .today(), parallel: Bool = true) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.includeExpired = includeExpired
        self.today = today
        self.parallel = parallel
    }
}
