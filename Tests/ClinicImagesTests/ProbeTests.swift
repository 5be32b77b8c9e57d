import ClinicImagesTestSupport
import ClinicImages
import Testing

extension ClinicImagesTests {
    /// Reading the header: size as displayed, alpha, format, for every format read.
    @Suite struct Probe {
        @Test func aJPEG() throws {
            let info = try ImageProcessor.probe(try TestImages.make(width: 320, height: 240))
            #expect(info == ImageInfo(width: 320, height: 240, hasAlpha: false, format: "jpeg"))
        }

        @Test func aPNGWithAlpha() throws {
            let info = try ImageProcessor.probe(try TestImages.make(width: 64, height: 48, alpha: true, suffix: ".png"))
            #expect(info == ImageInfo(width: 64, height: 48, hasAlpha: true, format: "png"))
        }

        @Test(arguments: [(".webp", "webp"), (".tif", "tiff"), (".gif", "gif"), (".png", "png")])
        func otherFormats(suffix: String, format: String) throws {
            let info = try ImageProcessor.probe(try TestImages.make(width: 90, height: 60, suffix: suffix))
            #expect(info == ImageInfo(width: 90, height: 60, hasAlpha: false, format: format))
        }

        @Test func aGIFIsItsFirstFrame() throws {
            let gif = try TestImages.animatedGIF(width: 40, height: 30, frames: 3)
            // libvips decodes every GIF as RGBA: whether a pixel is transparent is known only
            // after decoding, so a GIF counts as having alpha.
            #expect(try ImageProcessor.probe(gif) == ImageInfo(width: 40, height: 30, hasAlpha: true, format: "gif"))
            let output = try ImageProcessor.encode(gif, variants: [ImageVariant(width: 40, format: .png)])[0]
            #expect([output.width, output.height] == [40, 30])
            #expect(abs(try TestImages.measure(output.bytes).brightness - 128) < 2)
        }

        @Test func aHEIC() throws {
            try #require(TestImages.canSaveHEIC, "\(TestImages.cannotSaveHEIC)")
            let heic = try TestImages.make(width: 640, height: 480, suffix: ".heic[Q=60,compression=hevc]")
            #expect(heic[4..<12].elementsEqual(Array("ftypheic".utf8)))
            #expect(try ImageProcessor.probe(heic) == ImageInfo(width: 640, height: 480, hasAlpha: false, format: "heif"))
            let outputs = try ImageProcessor.encode(heic, variants: [
                ImageVariant(width: 480, format: .webp), ImageVariant(width: 480, format: .jpeg),
            ])
            #expect(outputs.map { [$0.width, $0.height] } == [[480, 360], [480, 360]])
            #expect(MetadataScan.items(outputs[0].bytes) == [])
            let corner = try TestImages.measure(outputs[1].bytes, left: 0, top: 0, width: 0.15, height: 0.15)
            #expect(corner.brightness > 235)
        }
    }
}
