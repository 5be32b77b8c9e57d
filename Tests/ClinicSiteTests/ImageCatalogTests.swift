@testable import ClinicModel
import Testing

/// The catalog's stored form (`sources.tsv`): what is written is read back as it was, for any
/// path a photo may have, and a file that is not a catalog is not taken for one.
@Suite struct ImageCatalogStoredTests {
    private func entry(_ hash: String, sizes: [String: [Int]]) -> ImageCatalog.Entry {
        ImageCatalog.Entry(size: 2_312_737, modified: 1_775_453_809_123_456_789, inode: 42, hash: hash,
                           width: 3000, height: 4000, alpha: false, format: "jpeg", sizes: sizes)
    }

    @Test func roundTrip() throws {
        let stored = ImageCatalog.Stored(version: 2, vips: "/usr/lib/libvips.so.42:2837792:1775453809.000000000", sources: [
            "media/room.jpg": entry("0011223344556677", sizes: [
                "width=960;format=webp;crop=none;quality=80": [960, 1280],
                "width=0;format=jpeg;crop=cover-1200x630;quality=82": [1200, 630],
            ]),
            "media/100% tab\there\nand a line\r.png": entry("8899aabbccddeeff", sizes: [:]),
            "media/élan, ünïcode.jpg": entry("0123456789abcdef", sizes: ["width=480;format=png;crop=square-attention;quality=0": [480, 480]]),
        ])
        let text = stored.text
        #expect(text.hasPrefix("clinicsite image catalog 2\nvips\t/usr/lib/libvips.so.42:"))
        // One line per photo: the escapes keep tabs and line feeds out of the fields.
        #expect(text.split(separator: "\n").count == 5)
        #expect(text.contains("media/100%25 tab%09here%0Aand a line%0D.png\t"))
        let read = try #require(ImageCatalog.Stored(text: text))
        #expect(read == stored)
        // Written the same way every time (sorted lines and fields).
        #expect(read.text == text)
    }

    @Test func notACatalog() {
        #expect(ImageCatalog.Stored(text: "") == nil)
        #expect(ImageCatalog.Stored(text: #"{"version":2,"vips":"x","sources":{}}"#) == nil)
        #expect(ImageCatalog.Stored(text: "clinicsite image catalog 2\nvips\tx\nmedia/a.jpg\t12\tnot a number\t1\th\t1\t1\t0\tjpeg\n") == nil)
        #expect(ImageCatalog.Stored(text: "clinicsite image catalog 2\nvips\tx\nmedia/a.jpg\t12\t5\t1\th\t1\t1\t0\tjpeg\t960,abc\n") == nil)
        #expect(ImageCatalog.Stored(text: "clinicsite image catalog 2\nvips\tx\n")?.sources.isEmpty == true)
    }
}
