import ClinicImagesTestSupport
import ClinicImages
import Foundation
import Testing

extension ClinicImagesTests {
    /// The same bytes and variant give the same output bytes.
    @Suite struct Determinism {
        static let variants = [480, 960].flatMap { width in
            [ImageVariant(width: width, format: .webp), ImageVariant(width: width, format: .jpeg)]
        } + [
            ImageVariant(width: 300, format: .webp, crop: .squareAttention),
            ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630)),
            ImageVariant(width: 500, format: .png),
        ]

        @Test func twiceInARow() throws {
            let photo = PrivateMetadata.added(to: try TestImages.make(width: 1600, height: 1200, seed: 7), orientation: 1)
            #expect(try ImageProcessor.encode(photo, variants: Determinism.variants)
                == ImageProcessor.encode(photo, variants: Determinism.variants))
        }

        @Test func onSeveralThreadsAtOnce() throws {
            let photo = try TestImages.make(width: 1600, height: 1200, seed: 8)
            let expected = try ImageProcessor.encode(photo, variants: Determinism.variants)
            let results = Mutex<[[EncodedImage]]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                let outputs = (try? ImageProcessor.encode(photo, variants: Determinism.variants)) ?? []
                results.withLock { $0.append(outputs) }
            }
            let all = results.withLock { $0 }
            #expect(all.count == 4)
            #expect(all.allSatisfy { $0 == expected })
        }

        /// liborc 0.4.33 splits and frees its code memory outside its lock: with Orc on, two
        /// threads resizing at once could leave a build spinning forever (seen once in 200
        /// photos, in gdb: orc_code_allocate_codemem).
        @Test func libvipsRunsWithoutOrc() throws {
            try ImageProcessor.setUp()
            #expect(!ImageProcessor.usesOrc)
        }

        @Test func withSeveralLibvipsThreadsPerImage() throws {
            let photo = try TestImages.make(width: 1600, height: 1200, seed: 10)
            #expect(ImageProcessor.threadsPerImage == 1)
            let expected = try ImageProcessor.encode(photo, variants: Determinism.variants)
            ImageProcessor.threadsPerImage = 3
            defer { ImageProcessor.threadsPerImage = 1 }
            #expect(ImageProcessor.threadsPerImage == 3)
            #expect(try ImageProcessor.encode(photo, variants: Determinism.variants) == expected)
        }

        @Test func aVariantDoesNotDependOnTheOthersAskedWithIt() throws {
            let photo = try TestImages.make(width: 3000, height: 2000, seed: 9)
            let variants = Determinism.variants + [ImageVariant(width: 2400, format: .webp, crop: .squareAttention)]
            let together = try ImageProcessor.encode(photo, variants: variants)
            for (index, variant) in variants.enumerated() {
                #expect(try ImageProcessor.encode(photo, variants: [variant]) == [together[index]], "\(variant)")
            }
        }
    }
}

/// A value behind a lock, for collecting results from several threads.
final class Mutex<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
