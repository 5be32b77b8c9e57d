/// What the first bytes of a file say it is, before libvips is asked: libvips (with librsvg,
/// poppler and ImageMagick) would read SVG, PDF and much else, which ClinicSite refuses.
enum ImageSignature: Equatable {
    /// A format ClinicSite reads.
    case readable
    /// A format it recognises and refuses, by name.
    case refused(String)
    /// Not an image at all.
    case unknown

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let head = Array(bytes.prefix(4096))
        self = ImageSignature.readable(head) ?? ImageSignature.refused(head).map(ImageSignature.refused) ?? .unknown
    }

    private static func readable(_ head: [UInt8]) -> ImageSignature? {
        let known: [[UInt8]] = [
            [0xFF, 0xD8, 0xFF],                                  // JPEG
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],    // PNG
            Array("GIF87a".utf8), Array("GIF89a".utf8),
            [0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], // TIFF
            [0x49, 0x49, 0x2B, 0x00], [0x4D, 0x4D, 0x00, 0x2B], // BigTIFF
        ]
        if known.contains(where: { head.starts(with: $0) }) { return .readable }
        if head.starts(with: Array("RIFF".utf8)) && head.count >= 12 && Array(head[8..<12]) == Array("WEBP".utf8) {
            return .readable
        }
        if let brand = isoBrand(head), heifBrands.contains(brand) { return .readable }
        return nil
    }

    private static func refused(_ head: [UInt8]) -> String? {
        if head.starts(with: Array("%PDF".utf8)) { return "PDF" }
        if head.starts(with: Array("8BPS".utf8)) { return "Photoshop (PSD)" }
        if head.starts(with: [0xFF, 0x0A]) || head.starts(with: [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return "JPEG XL"
        }
        if head.starts(with: [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20]) || head.starts(with: [0xFF, 0x4F, 0xFF, 0x51]) {
            return "JPEG 2000"
        }
        if head.starts(with: [0x76, 0x2F, 0x31, 0x01]) { return "OpenEXR" }
        if head.starts(with: [0, 0, 1, 0]) && head.count > 6 && head[4] != 0 { return "icon (ICO)" }
        if head.starts(with: Array("BM".utf8)) && head.count > 18 && [12, 40, 52, 56, 64, 108, 124].contains(Int(head[14])) {
            return "BMP"
        }
        if isoBrand(head) != nil { return "video (MP4 or QuickTime)" }
        if looksLikeSVG(head) { return "SVG" }
        return nil
    }

    /// The major brand of an ISO base media file (`ftyp` box): HEIF, AVIF, MP4, MOV.
    private static func isoBrand(_ head: [UInt8]) -> String? {
        guard head.count >= 12, Array(head[4..<8]) == Array("ftyp".utf8) else { return nil }
        return String(decoding: head[8..<12], as: UTF8.self)
    }

    private static let heifBrands: Set<String> = [
        "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis",
    ]

    private static func looksLikeSVG(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        let start = text.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace })
        guard start.hasPrefix("<") else { return false }
        return text.contains("<svg")
    }
}
