/// How one variant is made from a source of known size: the box it is scaled into, and
/// whether it comes from the source's shared decode or a decode of its own.
///
/// A variant's pixels depend only on the source and the variant, never on which other
/// variants are asked for in the same call: the shared decode has a size fixed by the source
/// alone (`sharedWidth`), and a variant that needs more pixels than it holds decodes alone.
struct VariantPlan: Hashable {
    /// The box: the output width, and for a crop its height.
    var width: Int
    /// The crop's height, or nil when the height follows the aspect ratio.
    var height: Int?
    /// Whether the box is cropped to (libvips' attention crop).
    var cropped: Bool
    /// Whether the variant is resized from the shared decode (true) or decoded on its own.
    var fromShared: Bool
    /// Whether alpha is flattened onto white first (JPEG has no alpha).
    var flattened: Bool

    /// The width of the shared decode: the source's own width, or `sharedWidthLimit` when
    /// wider. Every width a page's photo is published at (480, 960, 1600) fits in it; the
    /// 2400-pixel files of a hero and of a linked photo are decoded on their own.
    static func sharedWidth(_ info: ImageInfo) -> Int {
        min(info.width, sharedWidthLimit)
    }

    /// The widest variant the shared decode serves.
    ///
    /// 1600 rather than 2400: the shared image held in memory, and every variant resized
    /// from it, has 1.9 megapixels instead of 4.3 for a phone's 4000 × 3000 photo. (libvips
    /// 8.14 decodes that JPEG in full either way: `vips_thumbnail` shrinks while loading only
    /// when the reduction is at least twice the shrink, as `VIPS_INFO=1` shows with "loading
    /// with factor 1 pre-shrink".) A photo's files took 1.6 s (3.0 s turned upright) with 2400.
    static let sharedWidthLimit = 1600

    init(_ variant: ImageVariant, source info: ImageInfo) {
        let shared = VariantPlan.sharedWidth(info)
        let sharedHeight = Double(info.height) * Double(shared) / Double(info.width)
        flattened = variant.format == .jpeg && info.hasAlpha
        switch variant.crop {
        case .none:
            width = min(variant.width, info.width)
            height = nil
            cropped = false
            fromShared = width <= shared
        case .squareAttention:
            let side = min(variant.width, info.width, info.height)
            (width, height, cropped) = (side, side, true)
            fromShared = side <= shared && Double(side) <= sharedHeight - 1
        case .cover(let boxWidth, let boxHeight):
            let (fittedWidth, fittedHeight) = VariantPlan.fit(boxWidth, boxHeight, into: info)
            (width, height, cropped) = (fittedWidth, fittedHeight, true)
            fromShared = fittedWidth <= shared && Double(fittedHeight) <= sharedHeight - 1
        }
    }

    /// The box itself when the source covers it; otherwise the largest box of the same
    /// aspect ratio that the source covers (never upscaled).
    static func fit(_ boxWidth: Int, _ boxHeight: Int, into info: ImageInfo) -> (Int, Int) {
        if info.width >= boxWidth && info.height >= boxHeight { return (boxWidth, boxHeight) }
        let factor = min(Double(info.width) / Double(boxWidth), Double(info.height) / Double(boxHeight))
        return (max(1, Int(Double(boxWidth) * factor)), max(1, Int(Double(boxHeight) * factor)))
    }
}
