/// What a phone puts in a photo, written into a JPEG by hand: EXIF (make, model, body serial
/// number, date, GPS position, orientation), XMP (the same position), IPTC (a city) and a
/// comment. Written here rather than with exiftool so the tests that use it run without it.
public enum PrivateMetadata {
    public static let serialNumber = "CP20240501X"
    public static let comment = "Taken at 12 Willow Street"
    /// Text that only this metadata holds (serial number, comment, IPTC city, camera make,
    /// XMP position): in no published file's bytes.
    public static let texts = [serialNumber, comment, city, make, "51,30.5N"]
    static let city = "Willowbrook"
    static let make = "ClinicPhone"

    /// `jpeg` with the segments inserted after its JFIF segment.
    public static func added(to jpeg: [UInt8], orientation: UInt16) -> [UInt8] {
        var insertAt = 2
        if jpeg.count > 6 && jpeg[2] == 0xFF && jpeg[3] == 0xE0 {
            insertAt = 4 + Int(jpeg[4]) << 8 + Int(jpeg[5])
        }
        let segments = segment(0xE1, Array("Exif".utf8) + [0, 0] + exif(orientation: orientation))
            + segment(0xE1, Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + Array(xmp.utf8))
            + segment(0xED, photoshopIPTC)
            + segment(0xFE, Array(comment.utf8))
        return Array(jpeg[..<insertAt]) + segments + Array(jpeg[insertAt...])
    }

    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    private static let xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
        <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" \
        exif:GPSLatitude="51,30.5N" exif:GPSLongitude="0,7.5W"/></rdf:RDF></x:xmpmeta>
        """

    /// A Photoshop APP13 block holding an IPTC record: version and City.
    private static var photoshopIPTC: [UInt8] {
        let city = Array(Self.city.utf8)
        let iptc: [UInt8] = [0x1C, 2, 0, 0, 2, 0, 4] + [0x1C, 2, 90, 0, UInt8(city.count)] + city
        var block = Array("Photoshop 3.0".utf8) + [0] + Array("8BIM".utf8) + [0x04, 0x04, 0, 0]
        block += TestImages.bigEndian(UInt32(iptc.count)) + iptc
        if iptc.count % 2 == 1 { block.append(0) }
        return block
    }

    /// A little-endian TIFF structure: IFD0 (Make, Model, Orientation, pointers), the EXIF IFD
    /// (DateTimeOriginal, BodySerialNumber) and the GPS IFD.
    private static func exif(orientation: UInt16) -> [UInt8] {
        let exifEntries = [
            Entry(0x9003, ascii: "2024:05:01 10:30:00"),
            Entry(0xA431, ascii: serialNumber),
        ]
        let gpsEntries = [
            Entry(tag: 0x0000, type: 1, count: 4, data: [2, 3, 0, 0]),
            Entry(0x0001, ascii: "N"),
            Entry(0x0002, rationals: [(51, 1), (30, 1), (1234, 100)]),
            Entry(0x0003, ascii: "W"),
            Entry(0x0004, rationals: [(0, 1), (7, 1), (3456, 100)]),
        ]
        func first(_ exifAt: UInt32, _ gpsAt: UInt32) -> [Entry] {
            [
                Entry(0x010F, ascii: make),
                Entry(0x0110, ascii: make + " 12 Pro"),
                Entry(tag: 0x0112, type: 3, count: 1, data: little(orientation) + [0, 0]),
                Entry(tag: 0x8769, type: 4, count: 1, data: little(exifAt)),
                Entry(tag: 0x8825, type: 4, count: 1, data: little(gpsAt)),
            ]
        }
        let placeholder = ifd(first(0, 0), at: 8)
        let exifAt = UInt32(8 + placeholder.count)
        let exifIFD = ifd(exifEntries, at: Int(exifAt))
        let gpsAt = exifAt + UInt32(exifIFD.count)
        return [0x49, 0x49, 42, 0] + little(UInt32(8)) + ifd(first(exifAt, gpsAt), at: 8) + exifIFD
            + ifd(gpsEntries, at: Int(gpsAt))
    }

    private struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        var data: [UInt8]

        init(tag: UInt16, type: UInt16, count: UInt32, data: [UInt8]) {
            (self.tag, self.type, self.count, self.data) = (tag, type, count, data)
        }

        init(_ tag: UInt16, ascii: String) {
            let bytes = Array(ascii.utf8) + [0]
            self.init(tag: tag, type: 2, count: UInt32(bytes.count), data: bytes)
        }

        init(_ tag: UInt16, rationals: [(UInt32, UInt32)]) {
            let bytes = rationals.flatMap { little($0.0) + little($0.1) }
            self.init(tag: tag, type: 5, count: UInt32(rationals.count), data: bytes)
        }
    }

    /// One IFD placed at `offset`, its values longer than 4 bytes right after it.
    private static func ifd(_ entries: [Entry], at offset: Int) -> [UInt8] {
        var table = little(UInt16(entries.count))
        var values: [UInt8] = []
        let valuesAt = offset + 2 + 12 * entries.count + 4
        for entry in entries {
            table += little(entry.tag) + little(entry.type) + little(entry.count)
            if entry.data.count <= 4 {
                table += entry.data + [UInt8](repeating: 0, count: 4 - entry.data.count)
            } else {
                table += little(UInt32(valuesAt + values.count))
                values += entry.data
                if values.count % 2 == 1 { values.append(0) }
            }
        }
        return table + little(UInt32(0)) + values
    }

    private static func little<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
