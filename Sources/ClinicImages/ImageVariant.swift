/// How one published variant is made.
public struct ImageVariant: Sendable, Hashable {
    /// What part of the source a variant shows.
    public enum Crop: Sendable, Hashable {
        /// The whole image, scaled to `width`.
        case none
        /// A square around the most interesting part (libvips' `attention` crop): team photos.
        case squareAttention
        /// Fills exactly `width` × `height`, centred on the most interesting part (libvips'
        /// `attention` crop): `og:image` at 1200 × 630. For this crop the variant's own
        /// `width` is not used.
        case cover(width: Int, height: Int)
    }

    /// Target width in pixels. Never upscaled: a source narrower than this gives its own
    /// width. With `.squareAttention` the side of the square, at most the source's shorter side.
    public var width: Int
    /// The encoding.
    public var format: ImageFormat
    /// What part of the source is shown.
    public var crop: Crop
    /// Encoder quality, 1–100 (e.g. 80 for WebP, 82 for JPEG); ignored for PNG.
    public var quality: Int

    /// A variant; `quality` defaults to 80 for WebP and 82 for JPEG.
    public init(width: Int, format: ImageFormat, crop: Crop = .none, quality: Int? = nil) {
        self.width = width
        self.format = format
        self.crop = crop
        self.quality = quality ?? ImageVariant.defaultQuality(for: format)
    }

    /// The quality used when none is given: 80 for WebP, 82 for JPEG, 100 for PNG (unused).
    public static func defaultQuality(for format: ImageFormat) -> Int {
        switch format {
        case .webp: 80
        case .jpeg: 82
        case .png: 100
        }
    }

    /// The settings as text, part of the cache key: every field that changes the output.
    public var settings: String {
        let cropText: String
        switch crop {
        case .none: cropText = "none"
        case .squareAttention: cropText = "square-attention"
        case .cover(let coverWidth, let coverHeight): cropText = "cover-\(coverWidth)x\(coverHeight)"
        }
        let usedWidth = if case .cover = crop { 0 } else { width }
        let usedQuality = format == .png ? 0 : quality
        return "width=\(usedWidth);format=\(format.rawValue);crop=\(cropText);quality=\(usedQuality)"
    }

    /// Why this variant cannot be made, or nil when it can.
    var problem: String? {
        if case .cover(let coverWidth, let coverHeight) = crop {
            if coverWidth < 1 || coverHeight < 1 || coverWidth > ImageVariant.maximumSide
                || coverHeight > ImageVariant.maximumSide {
                return "a cover crop of \(coverWidth) × \(coverHeight) pixels is not possible (each side must be 1–\(ImageVariant.maximumSide))"
            }
        } else if width < 1 || width > ImageVariant.maximumSide {
            return "a width of \(width) pixels is not possible (it must be 1–\(ImageVariant.maximumSide))"
        }
        if format != .png && !(1...100).contains(quality) {
            return "a quality of \(quality) is not possible (it must be 1–100)"
        }
        return nil
    }

    /// WebP's largest side.
    static let maximumSide = 16_383
}
