import ClinicImagesTestSupport
import ClinicImages
import Testing

extension ClinicImagesTests {
    /// No published image carries the metadata of the photo it came from.
    @Suite struct Metadata {
        /// A 600 × 400 phone photo stored landscape, tagged orientation 6 (shown portrait),
        /// with EXIF GPS, a serial number, XMP, IPTC and a comment.
        static func phonePhoto() throws -> [UInt8] {
            PrivateMetadata.added(to: try TestImages.make(width: 600, height: 400), orientation: 6)
        }

        static let variants = [
            ImageVariant(width: 480, format: .jpeg), ImageVariant(width: 480, format: .webp),
            ImageVariant(width: 200, format: .png), ImageVariant(width: 300, format: .webp, crop: .squareAttention),
        ]

        @Test func theTestPhotoCarriesWhatAPhoneWrites() throws {
            let photo = try Metadata.phonePhoto()
            #expect(try ImageProcessor.probe(photo) == ImageInfo(width: 400, height: 600, hasAlpha: false, format: "jpeg"))
            #expect(MetadataScan.items(photo).count == 4)
            guard let exiftool = ExifTool.path else { return }
            let tags = try ExifTool.tags(photo, exiftool: exiftool)
            #expect(tags["EXIF:SerialNumber"] == PrivateMetadata.serialNumber)
            #expect(tags["EXIF:Orientation"] == "Rotate 90 CW")
            #expect(tags["EXIF:GPSLatitude"] != nil)
            #expect(tags["XMP:GPSLatitude"] != nil)
            #expect(tags["IPTC:City"] == "Willowbrook")
            #expect(tags["File:Comment"] == PrivateMetadata.comment)
        }

        @Test func outputsCarryNoMetadataSegmentOrChunk() throws {
            for output in try ImageProcessor.encode(try Metadata.phonePhoto(), variants: Metadata.variants) {
                #expect(MetadataScan.items(output.bytes) == [], "\(output.format) \(output.width)")
            }
        }

        @Test func exiftoolFindsNoMetadataInOutputs() throws {
            guard let exiftool = ExifTool.path else {
                print("exiftool is not installed (Debian: libimage-exiftool-perl): skipping its check of the outputs")
                return
            }
            for output in try ImageProcessor.encode(try Metadata.phonePhoto(), variants: Metadata.variants) {
                let tags = try ExifTool.tags(output.bytes, exiftool: exiftool)
                #expect(ExifTool.privateTags(tags) == [:], "\(output.format) \(output.width)")
            }
        }

        @Test func outputsAreTurnedUprightByTheOrientation() throws {
            let outputs = try ImageProcessor.encode(try Metadata.phonePhoto(), variants: Metadata.variants)
            #expect(outputs.map { [$0.width, $0.height] } == [[400, 600], [400, 600], [200, 300], [300, 300]])
            // Orientation 6 turns the stored image 90° clockwise: the white square stored at
            // the top left is shown at the top right.
            let topRight = try TestImages.measure(outputs[0].bytes, left: 0.85, top: 0, width: 0.15, height: 0.1)
            let topLeft = try TestImages.measure(outputs[0].bytes, left: 0, top: 0, width: 0.15, height: 0.1)
            #expect(topRight.brightness > 240)
            #expect(topLeft.brightness < 200)
        }

        @Test func anEmbeddedProfileIsAppliedThenRemoved() throws {
            let photo = try TestImages.make(width: 400, height: 300, suffix: ".jpg[Q=90,profile=srgb]")
            #expect(MetadataScan.items(photo).contains("APP2 segment"))
            let outputs = try ImageProcessor.encode(photo, variants: [
                ImageVariant(width: 400, format: .jpeg), ImageVariant(width: 400, format: .webp),
            ])
            for output in outputs {
                #expect(MetadataScan.items(output.bytes) == [])
            }
            let source = try TestImages.measure(photo, left: 0.5, top: 0.5, width: 0.5, height: 0.5)
            let published = try TestImages.measure(outputs[1].bytes, left: 0.5, top: 0.5, width: 0.5, height: 0.5)
            #expect(abs(source.brightness - published.brightness) < 3)
        }
    }
}
