import ClinicImagesTestSupport
import ClinicImages
import Testing

extension ClinicImagesTests {
    /// The attention crops keep the subject of a photo that is not in its middle: the team's
    /// square and the cover crops (a treatment card's 3:2, `og:image`'s 1200 × 630).
    ///
    /// The test photos are flat grey with one small patch of red, high-contrast noise: the
    /// subject. Resizing keeps the average colour, so the subject's share of a picture shows in
    /// its mean redness (red less green, 0 for grey): a crop holding the whole subject in a
    /// fraction f of the photo is 1/f times as red as the whole photo; a crop holding half of
    /// it, half that; a crop missing it, 0.
    @Suite struct Crops {
        /// How much redder `output` is than `photo`, against what holding the whole subject
        /// gives: 1 when the crop holds all of it.
        static func subjectKept(_ output: EncodedImage, of photo: [UInt8], cropOfSource: (width: Double, height: Double)) throws -> Double {
            let whole = try TestImages.measure(photo)
            let share = cropOfSource.width * cropOfSource.height / Double(whole.width * whole.height)
            return try TestImages.measure(output.bytes).redness * share / whole.redness
        }

        @Test func theTeamSquareHoldsASubjectNearTheRightEdge() throws {
            // 1200 × 600, the subject 120 pixels square, 30 pixels from the right edge.
            let photo = try TestImages.subject(width: 1200, height: 600, left: 1050, top: 240, side: 120, seed: 5)
            let subject = try TestImages.measure(photo, left: 1050.0 / 1200, top: 240.0 / 600, width: 120.0 / 1200, height: 120.0 / 600)
            #expect(subject.redness > 100 && subject.contrast > 30, "the test photo has no subject: \(subject)")
            // A square from the middle (x 300 to 900) would hold none of it.
            let middle = try TestImages.measure(photo, left: 0.25, top: 0, width: 0.5, height: 1)
            #expect(middle.redness < 0.5 && middle.contrast < 0.5, "\(middle)")

            let outputs = try ImageProcessor.encode(photo, variants: [
                ImageVariant(width: 320, format: .webp, crop: .squareAttention),
                ImageVariant(width: 320, format: .jpeg, crop: .squareAttention),
                ImageVariant(width: 640, format: .webp, crop: .squareAttention),
                ImageVariant(width: 640, format: .jpeg, crop: .squareAttention),
            ])
            #expect(outputs.map { [$0.width, $0.height] } == [[320, 320], [320, 320], [600, 600], [600, 600]])
            for output in outputs {
                let kept = try Crops.subjectKept(output, of: photo, cropOfSource: (600, 600))
                #expect(abs(kept - 1) < 0.1, "\(output.format) \(output.width): \(kept) of the subject")
                // And it is where the subject is in the photo's right half: 450 of 600 pixels in.
                let place = try TestImages.measure(output.bytes, left: 0.75, top: 0.4, width: 0.2, height: 0.2)
                #expect(place.redness > 80, "\(output.format) \(output.width): \(place)")
            }
        }

        @Test func theCoverCropsHoldASubjectNearTheBottom() throws {
            // A portrait 800 × 1600, the subject 120 pixels square, 60 pixels above the bottom.
            let photo = try TestImages.subject(width: 800, height: 1600, left: 340, top: 1420, side: 120, seed: 6)
            // A crop from the middle (the 533 rows of a 3:2 box around row 800) would hold none of it.
            let middle = try TestImages.measure(photo, left: 0, top: 0.33, width: 1, height: 0.34)
            #expect(middle.redness < 0.5 && middle.contrast < 0.5, "\(middle)")

            let outputs = try ImageProcessor.encode(photo, variants: [
                ImageVariant(width: 480, format: .webp, crop: .cover(width: 480, height: 320)),
                ImageVariant(width: 480, format: .jpeg, crop: .cover(width: 480, height: 320)),
                ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630)),
            ])
            // og:image's box is wider than the photo: its shape, not upscaled.
            #expect(outputs.map { [$0.width, $0.height] } == [[480, 320], [480, 320], [800, 420]])
            for output in outputs {
                // The full width of the photo, and as many rows as the box's shape gives.
                let rows = 800.0 * Double(output.height) / Double(output.width)
                let kept = try Crops.subjectKept(output, of: photo, cropOfSource: (800, rows))
                #expect(abs(kept - 1) < 0.1, "\(output.format) \(output.width) × \(output.height): \(kept) of the subject")
            }
        }
    }
}
