/// Turns a burst of file events into one batch: a batch is due once no change has arrived for
/// `quietPeriod`, or `maximumDelay` after its first change while saves keep coming.
///
/// Editors save in several steps (write a temporary file, rename it, change attributes) and
/// people save several files at once; each burst gives one rebuild.
struct ChangeDebouncer {
    typealias Instant = ContinuousClock.Instant

    let quietPeriod: Duration
    let maximumDelay: Duration
    private var pending: Set<String> = []
    private var firstChange: Instant?
    private var lastChange: Instant?

    init(quietPeriod: Duration, maximumDelay: Duration) {
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Notes changed paths seen at `now`.
    mutating func record(_ paths: some Sequence<String>, at now: Instant) {
        var any = false
        for path in paths {
            pending.insert(path)
            any = true
        }
        guard any else { return }
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// When the pending batch is due, or nil when nothing is pending.
    var deadline: Instant? {
        guard let firstChange, let lastChange else { return nil }
        return min(lastChange + quietPeriod, firstChange + maximumDelay)
    }

    /// The pending paths, sorted, when they are due at `now`; the debouncer is then empty.
    mutating func take(at now: Instant) -> [String]? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            pending = []
            firstChange = nil
            lastChange = nil
        }
        return pending.sorted()
    }
}
