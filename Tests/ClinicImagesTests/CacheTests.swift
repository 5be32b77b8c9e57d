import ClinicImagesTestSupport
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

        @Test func anEntryIsTheEncodedFileItselfAndReadOnly() throws {
            let cache = ImageCache(folder: Cache.folder())
            let key = ImageCache.key(source: [1, 2, 3], variant: ImageVariant(width: 480, format: .webp))
            #expect(cache.load(key, format: .webp) == nil)
            #expect(!FileManager.default.fileExists(atPath: cache.folder))
            try cache.store(Cache.image, key: key)
            #expect(cache.load(key, format: .webp) == Cache.image.bytes)
            #expect(cache.load(key, format: .jpeg) == nil)
            try cache.store(Cache.image, key: key)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder) == ["\(key).webp"])
            #expect(cache.path(key, format: .webp) == "\(cache.folder)/\(key).webp")
            let attributes = try FileManager.default.attributesOfItem(atPath: cache.path(key, format: .webp))
            #expect((attributes[.posixPermissions] as? Int) == 0o444)
        }

        @Test func aRealOutputRoundTrips() throws {
            let photo = try TestImages.make(width: 640, height: 480)
            let variant = ImageVariant(width: 320, format: .jpeg)
            let output = try ImageProcessor.encode(photo, variants: [variant])[0]
            let cache = ImageCache(folder: Cache.folder())
            let key = ImageCache.key(source: photo, variant: variant)
            try cache.store(output, key: key)
            #expect(ImageCache(folder: cache.folder).load(key, format: .jpeg) == output.bytes)
        }

        @Test func whatIsNotAKeyIsNeverReadNorStored() throws {
            let cache = ImageCache(folder: Cache.folder())
            #expect(cache.load("not-a-key", format: .jpeg) == nil)
            #expect(cache.load("../../etc/passwd", format: .jpeg) == nil)
            #expect(throws: ImageCache.CacheError.notAKey("../x")) { try cache.store(Cache.image, key: "../x") }
        }

        @Test func pruneRemovesExactlyTheEntriesNotKept() throws {
            let cache = ImageCache(folder: Cache.folder())
            let keys = (0..<5).map { ImageCache.key(source: [UInt8($0)], variant: ImageVariant(width: 480, format: .webp)) }
            for key in keys { try cache.store(Cache.image, key: key) }
            let jpeg = EncodedImage(width: 3, height: 2, format: .jpeg, bytes: [0xFF, 0xD8, 0xFF])
            try cache.store(jpeg, key: keys[1])
            try cache.store(jpeg, key: keys[2])
            let stray = "\(cache.folder)/\(keys[0]).webp.0A1B.tmp"
            let older = "\(cache.folder)/\(keys[4]).cimg"
            let unrelated = "\(cache.folder)/README.txt"
            for path in [stray, older, unrelated] { _ = FileManager.default.createFile(atPath: path, contents: Data([1])) }
            try cache.prune(keeping: [keys[1], keys[3]])
            let left = try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted()
            #expect(left == ["\(keys[1]).jpg", "\(keys[1]).webp", "\(keys[3]).webp", "README.txt"].sorted())
            #expect(cache.load(keys[1], format: .webp) == Cache.image.bytes)
            try ImageCache(folder: Cache.folder()).prune(keeping: [])
        }

        @Test func aHashComesBackFromItsHex() {
            let hash = ImageHash(Array("a photo".utf8))
            #expect(ImageHash(hex: hash.hex) == hash)
            #expect(ImageHash(hex: "xyz") == nil)
            #expect(ImageHash(hex: String(repeating: "g", count: 32)) == nil)
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
