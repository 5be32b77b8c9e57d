import ClinicImagesTestSupport
import ClinicImages
import Testing

extension ClinicImagesTests {
    /// Widths, crops and formats of the outputs.
    @Suite struct Sizes {
        @Test func publishedWidthsKeepTheAspectRatio() throws {
            let photo = try TestImages.make(width: 2000, height: 1500)
            let outputs = try ImageProcessor.encode(photo, variants: [480, 960, 1600].map { ImageVariant(width: $0, format: .jpeg) })
            #expect(outputs.map { [$0.width, $0.height] } == [[480, 360], [960, 720], [1600, 1200]])
            #expect(outputs.allSatisfy { $0.bytes.starts(with: [0xFF, 0xD8]) && $0.format == .jpeg })
        }

        @Test func neverUpscaled() throws {
            let small = try TestImages.make(width: 300, height: 200)
            let outputs = try ImageProcessor.encode(small, variants: [
                ImageVariant(width: 960, format: .webp), ImageVariant(width: 2400, format: .jpeg),
                ImageVariant(width: 960, format: .webp, crop: .squareAttention),
            ])
            #expect(outputs.map { [$0.width, $0.height] } == [[300, 200], [300, 200], [200, 200]])
            for output in outputs {
                let decoded = try TestImages.measure(output.bytes)
                #expect([decoded.width, decoded.height] == [output.width, output.height])
            }
        }

        @Test func aSquareAttentionCropIsSquare() throws {
            let photo = try TestImages.make(width: 1200, height: 800)
            let outputs = try ImageProcessor.encode(photo, variants: [480, 960].flatMap { width in
                [ImageVariant(width: width, format: .webp, crop: .squareAttention),
                 ImageVariant(width: width, format: .jpeg, crop: .squareAttention)]
            })
            #expect(outputs.map { [$0.width, $0.height] } == [[480, 480], [480, 480], [800, 800], [800, 800]])
        }

        @Test func aCoverCropFillsExactly1200By630() throws {
            let photo = try TestImages.make(width: 1600, height: 1200)
            let variant = ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630))
            let output = try ImageProcessor.encode(photo, variants: [variant])[0]
            #expect([output.width, output.height] == [1200, 630])
            let decoded = try TestImages.measure(output.bytes)
            #expect([decoded.width, decoded.height] == [1200, 630])
        }

        @Test func aCoverCropOfASmallerPhotoKeepsItsShapeWithoutUpscaling() throws {
            let photo = try TestImages.make(width: 800, height: 600)
            let output = try ImageProcessor.encode(photo, variants: [
                ImageVariant(width: 1200, format: .webp, crop: .cover(width: 1200, height: 630)),
            ])[0]
            #expect([output.width, output.height] == [800, 420])
        }

        @Test func aSquareLargerThanTheSharedDecodeIsDecodedOnItsOwn() throws {
            // The shared decode is 1600 × 1067: a 2000-pixel square needs more than it holds.
            let photo = try TestImages.make(width: 3000, height: 2000)
            let outputs = try ImageProcessor.encode(photo, variants: [
                ImageVariant(width: 2400, format: .webp, crop: .squareAttention),
                ImageVariant(width: 480, format: .webp),
                ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630)),
            ])
            #expect(outputs.map { [$0.width, $0.height] } == [[2000, 2000], [480, 320], [1200, 630]])
        }

        @Test func aPortraitPhoto() throws {
            let portrait = try TestImages.make(width: 900, height: 1800)
            let outputs = try ImageProcessor.encode(portrait, variants: [
                ImageVariant(width: 960, format: .webp), ImageVariant(width: 480, format: .webp),
                ImageVariant(width: 960, format: .jpeg, crop: .squareAttention),
            ])
            #expect(outputs.map { [$0.width, $0.height] } == [[900, 1800], [480, 960], [900, 900]])
        }

        @Test func transparencyIsKeptInPNGAndWebPAndFlattenedOntoWhiteInJPEG() throws {
            let png = try TestImages.make(width: 200, height: 200, alpha: true, suffix: ".png")
            let outputs = try ImageProcessor.encode(png, variants: [
                ImageVariant(width: 100, format: .png), ImageVariant(width: 100, format: .webp),
                ImageVariant(width: 100, format: .jpeg),
            ])
            #expect(try outputs.map { try TestImages.measure($0.bytes).bands } == [4, 4, 3])
            // The top rows are almost transparent: white once flattened.
            let top = try TestImages.measure(outputs[2].bytes, left: 0.3, top: 0, width: 0.7, height: 0.05)
            #expect(top.brightness > 240)
            #expect(outputs[0].bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(outputs[1].bytes.starts(with: Array("RIFF".utf8)))
        }

        /// `inspect` works the sizes out without decoding: they must be the sizes of the files
        /// `encode` makes, for every shape, orientation and variant the site asks for.
        @Test(arguments: [
            (2000, 1500, 1), (4000, 3000, 6), (3001, 1999, 1), (1999, 3001, 8), (2401, 1601, 1), (801, 533, 1),
            (333, 777, 1), (5000, 1200, 1), (1200, 5000, 6), (640, 640, 3), (97, 61, 1),
        ])
        func inspectedSizesAreTheSizesOfTheEncodedFiles(shape: (Int, Int, Int)) throws {
            let (width, height, orientation) = shape
            var photo = try TestImages.make(width: width, height: height)
            if orientation != 1 { photo = PrivateMetadata.added(to: photo, orientation: UInt16(orientation)) }
            let variants = [480, 960, 1600, 2400].flatMap { [ImageVariant(width: $0, format: .webp), ImageVariant(width: $0, format: .jpeg)] }
                + [320, 640].map { ImageVariant(width: $0, format: .webp, crop: .squareAttention) }
                + [ImageVariant(width: 480, format: .jpeg, crop: .cover(width: 480, height: 320)),
                   ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630)),
                   ImageVariant(width: 3000, format: .jpeg), ImageVariant(width: 733, format: .png)]
            let (info, sizes) = try ImageProcessor.inspect(photo, variants: variants)
            #expect(info == (try ImageProcessor.probe(photo)))
            let encoded = try ImageProcessor.encode(photo, variants: variants)
            #expect(sizes == encoded.map { ImageSize(width: $0.width, height: $0.height) }, "\(width) × \(height), orientation \(orientation)")
        }

        @Test func inspectRefusesWhatEncodeRefusesFromTheHeader() throws {
            let photo = try TestImages.make(width: 400, height: 300)
            let variants = [ImageVariant(width: 480, format: .webp)]
            #expect(throws: ImageError.notAnImage) { try ImageProcessor.inspect(Array("not a photo".utf8), variants: variants) }
            #expect(throws: ImageError.self) { try ImageProcessor.inspect(Array(photo.prefix(photo.count / 2)), variants: variants) }
            #expect(throws: ImageError.tooManyPixels(width: 50_000, height: 50_000, limit: ImageProcessor.defaultPixelLimit)) {
                try ImageProcessor.inspect(TestImages.bombPNG(width: 50_000, height: 50_000), variants: variants)
            }
        }

        @Test func outputsAreInTheOrderAsked() throws {
            let photo = try TestImages.make(width: 1000, height: 500)
            let variants = [
                ImageVariant(width: 100, format: .webp), ImageVariant(width: 700, format: .jpeg),
                ImageVariant(width: 100, format: .jpeg), ImageVariant(width: 300, format: .png),
            ]
            let outputs = try ImageProcessor.encode(photo, variants: variants)
            #expect(outputs.map(\.format) == variants.map(\.format))
            #expect(outputs.map(\.width) == [100, 700, 100, 300])
            #expect(try ImageProcessor.encode(photo, variants: []) == [])
        }
    }
}
