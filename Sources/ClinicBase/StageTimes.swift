#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock and CPU time spent in each stage of a build, for `clinicsite build --timings`:
/// the CPU time is the whole process's, on every core, so a stage rendering on two cores
/// shows about twice its wall time.
public struct StageTimes: Sendable, Equatable {
    /// One stage.
    public struct Stage: Sendable, Equatable {
        public var name: String
        /// Seconds.
        public var wall: Double
        /// Seconds of CPU, all threads.
        public var cpu: Double
    }

    public private(set) var stages: [Stage] = []
    private var lastWall: Double
    private var lastCPU: Double

    /// Starts timing now.
    public init() {
        lastWall = Self.now(CLOCK_MONOTONIC)
        lastCPU = Self.now(CLOCK_PROCESS_CPUTIME_ID)
    }

    /// Ends the stage `name`, started when the last one ended.
    public mutating func end(_ name: String) {
        let wall = Self.now(CLOCK_MONOTONIC)
        let cpu = Self.now(CLOCK_PROCESS_CPUTIME_ID)
        stages.append(Stage(name: name, wall: wall - lastWall, cpu: cpu - lastCPU))
        lastWall = wall
        lastCPU = cpu
    }

    /// Adds a part of the last stage measured on its own: `cpu` seconds summed over the threads
    /// that did it (no wall time: the part ran interleaved with the rest of its stage).
    public mutating func part(_ name: String, cpu: Double) {
        stages.append(Stage(name: name, wall: 0, cpu: cpu))
    }

    /// CPU time of the calling thread, in nanoseconds: for timing a part of a stage from
    /// the threads that do it.
    public static func threadNanoseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
