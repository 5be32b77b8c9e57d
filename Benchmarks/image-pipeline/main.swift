import Foundation
@_spi(Benchmarks) import ClinicImages

// image-pipeline shared|naive DIR COUNT WORKERS
// Makes 480/960/1600/2400 × WebP/JPEG of COUNT photos from DIR (cycling through its .jpg
// files), WORKERS photos at a time, with ClinicImages' pipeline (shared: one decode per
// source) or the naive one (one vips_thumbnail_buffer per variant), and prints one line:
// wall and CPU seconds, peak resident memory and bytes written.
// Built and run by scripts/bench-image-pipeline.

let arguments = CommandLine.arguments
guard arguments.count == 5, ["shared", "naive"].contains(arguments[1]),
    let count = Int(arguments[3]), let workers = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: image-pipeline shared|naive DIR COUNT WORKERS\n".utf8))
    exit(2)
}
let naive = arguments[1] == "naive"
let folder = arguments[2]
let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jpg") }.sorted()
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("no .jpg files in \(folder)\n".utf8))
    exit(2)
}
let variants = [480, 960, 1600, 2400].flatMap { width in
    [ImageVariant(width: width, format: .webp), ImageVariant(width: width, format: .jpeg)]
}

/// The next photo to process and the bytes written so far, shared by the workers.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var written = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }

    func add(_ bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        written += bytes
    }
}

try ImageProcessor.setUp()
let progress = Progress()
let start = Date()
DispatchQueue.concurrentPerform(iterations: workers) { _ in
    while case let index = progress.take(), index < count {
        let bytes = [UInt8](FileManager.default.contents(atPath: "\(folder)/\(names[index % names.count])") ?? Data())
        do {
            let outputs = naive
                ? try ImageProcessor.encodeEachVariantAlone(bytes, variants: variants)
                : try ImageProcessor.encode(bytes, variants: variants)
            progress.add(outputs.reduce(0) { $0 + $1.bytes.count })
        } catch {
            FileHandle.standardError.write(Data("\(names[index % names.count]): \(error)\n".utf8))
            exit(1)
        }
    }
}
let wall = Date().timeIntervalSince(start)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
print(String(format: "%@ photos=%d workers=%d wall=%.2f cpu=%.2f peak_mib=%.0f written_mb=%.2f",
             arguments[1], count, workers, wall, cpu, Double(usage.ru_maxrss) / 1024, Double(progress.written) / 1e6))
