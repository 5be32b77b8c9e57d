import Foundation

/// A small seeded generator (SplitMix64) for the tests' random choices: the same seed gives
/// the same choices on every machine, so a failure can be replayed.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose choices are decided by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// One of `values`.
    public mutating func pick<T>(_ values: [T]) -> T {
        values[Int(next() % UInt64(values.count))]
    }
}

/// The seed of a test's random choices: `CLINICSITE_SEED` when it is set (to replay a
/// failure, or to try other choices), else the test's own fixed seed.
public enum TestSeed {
    /// `CLINICSITE_SEED`, or `fixed`.
    public static func value(default fixed: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["CLINICSITE_SEED"].flatMap { UInt64($0) } ?? fixed
    }

    /// What a failure message says, so the run can be replayed: `seed 7 (CLINICSITE_SEED=7 replays it)`.
    public static func replay(_ seed: UInt64) -> String {
        "seed \(seed) (CLINICSITE_SEED=\(seed) replays it)"
    }
}
