import ClinicImages
import Foundation
import Testing

extension ClinicImagesTests {
    /// Processed files kept between builds.
    @Suite struct Cache {
        static func folder() -> String {
            NSTemporaryDirectory() + "clinicimages-cache-\(UUID().uuidString)/images"
        }

        static let image = EncodedImage(width: 3, height: 2, format: .webp, bytes: Array("RIFF....WEBPVP8 ".utf8) + [1, 2, 3])

        @Test func anEntryComesBackAsStored() throws {
            let cache = ImageCache(folder: Cache.folder())
            let key = ImageCache.key(source: [1, 2, 3], variant: ImageVariant(width: 480, format: .webp))
            #expect(cache.load(key) == nil)
            #expect(!FileManager.default.fileExists(atPath: cache.folder))
            try cache.store(Cache.image, key: key)
            #expect(cache.load(key) == Cache.image)
            try cache.store(Cache.image, key: key)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder) == ["\(key).cimg"])
        }

        @Test func aRealOutputRoundTrips() throws {
            let photo = try TestImages.make(width: 640, height: 480)
            let variant = ImageVariant(width: 320, format: .jpeg)
            let output = try ImageProcessor.encode(photo, variants: [variant])[0]
            let cache = ImageCache(folder: Cache.folder())
            let key = ImageCache.key(source: photo, variant: variant)
            try cache.store(output, key: key)
            #expect(ImageCache(folder: cache.folder).load(key) == output)
        }

        @Test func aDamagedEntryIsAMiss() throws {
            let cache = ImageCache(folder: Cache.folder())
            let key = ImageCache.key(source: [9], variant: ImageVariant(width: 480, format: .jpeg))
            try cache.store(Cache.image, key: key)
            let path = "\(cache.folder)/\(key).cimg"
            let stored = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            var flipped = stored
            flipped[flipped.count - 1] ^= 0xFF
            let damaged: [[UInt8]] = [flipped, Array(stored.dropLast()), Array(stored.prefix(10)), [], stored + [0]]
            for bytes in damaged {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                #expect(cache.load(key) == nil)
            }
            #expect(cache.load("not-a-key") == nil)
            #expect(cache.load("../../etc/passwd") == nil)
        }

        @Test func pruneRemovesExactlyTheEntriesNotKept() throws {
            let cache = ImageCache(folder: Cache.folder())
            let keys = (0..<5).map { ImageCache.key(source: [UInt8($0)], variant: ImageVariant(width: 480, format: .webp)) }
            for key in keys { try cache.store(Cache.image, key: key) }
            let stray = "\(cache.folder)/\(keys[0]).cimg.0A1B.tmp"
            let unrelated = "\(cache.folder)/README.txt"
            _ = FileManager.default.createFile(atPath: stray, contents: Data([1]))
            _ = FileManager.default.createFile(atPath: unrelated, contents: Data([1]))
            try cache.prune(keeping: [keys[1], keys[3]])
            let left = try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted()
            #expect(left == ["\(keys[1]).cimg", "\(keys[3]).cimg", "README.txt"].sorted())
            #expect(cache.load(keys[1]) == Cache.image)
            try ImageCache(folder: Cache.folder()).prune(keeping: [])
        }

        @Test func keysDifferForEverySettingAndAreStable() {
            let source: [UInt8] = Array("a photo".utf8)
            let variants = [
                ImageVariant(width: 480, format: .webp), ImageVariant(width: 960, format: .webp),
                ImageVariant(width: 480, format: .jpeg), ImageVariant(width: 480, format: .webp, quality: 70),
                ImageVariant(width: 480, format: .webp, crop: .squareAttention),
                ImageVariant(width: 480, format: .webp, crop: .cover(width: 1200, height: 630)),
                ImageVariant(width: 480, format: .webp, crop: .cover(width: 1200, height: 600)),
            ]
            let keys = variants.map { ImageCache.key(source: source, variant: $0) }
            #expect(Set(keys).count == variants.count)
            #expect(keys.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
            #expect(keys[0] == ImageCache.key(source: source, variant: variants[0]))
            #expect(keys[0] == ImageCache.key(sourceHash: ImageHash(source), variant: variants[0]))
            #expect(keys[0] != ImageCache.key(source: source + [0], variant: variants[0]))
            // PNG ignores quality, and a cover crop its variant's width.
            #expect(ImageCache.key(source: source, variant: ImageVariant(width: 480, format: .png, quality: 10))
                == ImageCache.key(source: source, variant: ImageVariant(width: 480, format: .png, quality: 90)))
            #expect(ImageCache.key(source: source, variant: ImageVariant(width: 1, format: .jpeg, crop: .cover(width: 1200, height: 630)))
                == ImageCache.key(source: source, variant: ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630))))
        }
    }
}
