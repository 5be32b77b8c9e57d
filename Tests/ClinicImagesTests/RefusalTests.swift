import ClinicImagesTestSupport
import ClinicImages
import Foundation
import Testing

extension ClinicImagesTests {
    /// Files that are not usable images are refused with a message for the clinic owner.
    @Suite struct Refusal {
        static let variant = [ImageVariant(width: 480, format: .webp)]

        @Test func aCutShortJPEGIsCorrupt() throws {
            let jpeg = try TestImages.make(width: 800, height: 600)
            let truncated = Array(jpeg.prefix(jpeg.count / 2))
            #expect(try ImageProcessor.probe(truncated).width == 800)
            #expect {
                try ImageProcessor.encode(truncated, variants: Refusal.variant)
            } throws: { error in
                guard case .corrupt(let reason) = error as? ImageError else { return false }
                return !reason.isEmpty && !reason.contains("\n")
                    && (error as? ImageError)?.description.hasPrefix("the file is damaged or cut short: ") == true
            }
        }

        @Test(arguments: [".png", ".webp[Q=90]", ".tif[compression=deflate]", ".gif", ".heic[compression=hevc]"])
        func otherCutShortFormatsAreCorrupt(suffix: String) throws {
            if suffix.hasPrefix(".heic") { try #require(TestImages.canSaveHEIC, "\(TestImages.cannotSaveHEIC)") }
            let whole = try TestImages.make(width: 800, height: 600, suffix: suffix)
            let truncated = Array(whole.prefix(whole.count / 2))
            #expect {
                try ImageProcessor.encode(truncated, variants: Refusal.variant)
            } throws: { error in
                guard case .corrupt(let reason) = error as? ImageError else { return false }
                print("\(suffix) cut short: \(reason)")
                return !reason.isEmpty && !reason.contains("\n")
            }
        }

        @Test func aTextFileNamedJPGIsNotAnImage() {
            let text = Array("Opening hours: Monday to Friday, 9 to 5.\n".utf8)
            #expect(throws: ImageError.notAnImage) { try ImageProcessor.probe(text) }
            #expect(throws: ImageError.notAnImage) { try ImageProcessor.encode(text, variants: Refusal.variant) }
            #expect(throws: ImageError.notAnImage) { try ImageProcessor.probe([]) }
            #expect(ImageError.notAnImage.description == "not an image (its bytes are not JPEG, PNG, WebP, GIF, TIFF or HEIC)")
        }

        @Test func anSVGIsUnsupported() {
            let svg = Array("""
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><circle cx="50" cy="50" r="40"/></svg>
                """.utf8)
            #expect(throws: ImageError.unsupported("SVG")) { try ImageProcessor.probe(svg) }
            #expect(throws: ImageError.unsupported("SVG")) { try ImageProcessor.encode(svg, variants: Refusal.variant) }
        }

        @Test func aPDFIsUnsupported() {
            let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
            #expect(throws: ImageError.unsupported("PDF")) { try ImageProcessor.probe(pdf) }
            #expect(ImageError.unsupported("PDF").description.hasPrefix("a PDF file, which ClinicSite does not publish as a photo"))
        }

        @Test func aDecompressionBombIsRefusedFromItsHeader() throws {
            _ = try ImageProcessor.probe(try TestImages.make(width: 64, height: 64, suffix: ".png"))
            let bomb = TestImages.bombPNG(width: 50_000, height: 50_000)
            #expect(bomb.count < 1_000)
            let before = TestImages.residentBytes()
            let refusal = ImageError.tooManyPixels(width: 50_000, height: 50_000, limit: 100_000_000)
            #expect(throws: refusal) { try ImageProcessor.probe(bomb) }
            #expect(throws: refusal) { try ImageProcessor.encode(bomb, variants: Refusal.variant) }
            if let before, let after = TestImages.residentBytes() {
                #expect(after - before < 4 << 20, "resident memory grew by \(after - before) bytes")
            }
            #expect(refusal.description == "declares 50000 × 50000 pixels, more than the limit of 100 megapixels; resize it before adding it")
        }

        @Test func thePixelLimitCanBeSet() throws {
            let jpeg = try TestImages.make(width: 400, height: 300)
            #expect(throws: ImageError.tooManyPixels(width: 400, height: 300, limit: 100_000)) {
                try ImageProcessor.encode(jpeg, variants: Refusal.variant, pixelLimit: 100_000)
            }
            #expect(try ImageProcessor.probe(jpeg, pixelLimit: 120_000).width == 400)
        }

        @Test func impossibleVariantsAreRefused() throws {
            let jpeg = try TestImages.make(width: 100, height: 100)
            #expect(throws: ImageError.invalidVariant("a width of 0 pixels is not possible (it must be 1–16383)")) {
                try ImageProcessor.encode(jpeg, variants: [ImageVariant(width: 0, format: .webp)])
            }
            #expect(throws: ImageError.invalidVariant("a quality of 101 is not possible (it must be 1–100)")) {
                try ImageProcessor.encode(jpeg, variants: [ImageVariant(width: 10, format: .jpeg, quality: 101)])
            }
        }
    }
}
