import ClinicImages

/// How a photo is shown, which decides the files made of it: the widths (never wider than
/// the photo), the crop and the formats. Every shown role is published in WebP and in JPEG
/// (PNG when the photo has transparency).
public enum ImageRole: String, Sendable, Hashable, CaseIterable, Comparable {
    /// `clinic.yml`'s `image`: the home page's wide photo.
    case hero
    /// A photo in a page's text, or a page's `image` at its top.
    case content
    /// A practitioner's `photo`, cropped square around the face (libvips' attention crop).
    case team
    /// A treatment's `image`, cropped to 3:2 for its card.
    case card
    /// `og:image` and JSON-LD `image`: 1200 × 630, JPEG.
    case social
    /// A plain link to the photo: its largest copy, in JPEG (PNG with transparency).
    case linked

    public static func < (lhs: ImageRole, rhs: ImageRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The widest the default theme shows a photo in this role, in CSS pixels; nil for roles
    /// not shown in a page. `clinicsite check` warns when the photo is narrower (blurry).
    public var displayWidth: Int? {
        switch self {
        case .hero: 984
        case .content: 640
        case .team, .card: 320
        case .social, .linked: nil
        }
    }

    /// The largest copy a link points to.
    static let linkedWidth = 2400

    /// The files made of a photo with `info` in this role.
    public func variants(for info: ImageInfo) -> [ImageVariant] {
        let formats: [ImageFormat] = [.webp, ImageRole.fallbackFormat(info)]
        switch self {
        case .hero: return Self.scaled([480, 960, 1600, 2400], info: info, formats: formats)
        case .content: return Self.scaled([480, 960, 1600], info: info, formats: formats)
        case .team:
            let side = min(info.width, info.height)
            return Self.capped([320, 640], limit: side).flatMap { width in
                formats.map { ImageVariant(width: width, format: $0, crop: .squareAttention) }
            }
        case .card:
            return Self.boxes([480, 960], ratio: (3, 2), info: info).flatMap { box in
                formats.map { ImageVariant(width: box.width, format: $0, crop: .cover(width: box.width, height: box.height)) }
            }
        case .social: return [ImageVariant(width: 1200, format: .jpeg, crop: .cover(width: 1200, height: 630))]
        case .linked: return [ImageVariant(width: min(Self.linkedWidth, info.width), format: ImageRole.fallbackFormat(info))]
        }
    }

    /// JPEG, or PNG for a photo with transparency.
    public static func fallbackFormat(_ info: ImageInfo) -> ImageFormat {
        info.hasAlpha ? .png : .jpeg
    }

    private static func scaled(_ widths: [Int], info: ImageInfo, formats: [ImageFormat]) -> [ImageVariant] {
        capped(widths, limit: info.width).flatMap { width in formats.map { ImageVariant(width: width, format: $0) } }
    }

    /// `widths` below `limit`, and `limit` itself in place of those at or above it.
    static func capped(_ widths: [Int], limit: Int) -> [Int] {
        let below = widths.filter { $0 < limit }
        return below.count == widths.count ? below : below + [limit]
    }

    /// Boxes of `ratio` for `widths`, up to the first one the photo does not cover (a larger
    /// one would come out the same size: nothing is upscaled).
    private static func boxes(_ widths: [Int], ratio: (Int, Int), info: ImageInfo) -> [ImageSize] {
        var boxes: [ImageSize] = []
        for width in widths {
            let box = ImageSize(width: width, height: width * ratio.1 / ratio.0)
            boxes.append(box)
            if info.width < box.width || info.height < box.height { break }
        }
        return boxes
    }
}
