import CVipsShim

extension VariantEncoder {
    /// The size each variant's output will have, worked out by libvips without decoding a
    /// pixel: the same operations `encode` runs, built lazily and asked for their size, so
    /// the answer is the size of the file `encode` writes (tested over many shapes).
    ///
    /// A photo its EXIF orientation turns or flips is asked as stored, in the box turned the
    /// same way, and the answer turned back: libvips would decode the pixels to turn them
    /// (half a second for a 12-megapixel photo), and works out the size of a turned photo in
    /// exactly that way itself.
    func sizes(_ variants: [ImageVariant]) throws(ImageError) -> [ImageSize] {
        let plans = variants.map { VariantPlan($0, source: info) }
        var shared: Vips.Image? = nil
        defer { if let shared { clinic_vips_unref(shared) } }
        var sizes: [ImageSize] = []
        for plan in plans {
            // A crop fills its box exactly; only a scaled variant's height comes from libvips.
            if plan.cropped, let height = plan.height {
                sizes.append(ImageSize(width: plan.width, height: height))
                continue
            }
            let image: Vips.Image
            if plan.fromShared {
                if shared == nil { shared = try lazyThumbnail(width: VariantPlan.sharedWidth(info)) }
                let (width, height) = box(Int32(plan.width))
                image = try Vips.make(ImageError.failed) {
                    clinic_vips_resample(shared, width, height, CLINIC_VIPS_CROP_NONE, $0)
                }
            } else {
                image = try lazyThumbnail(width: plan.width)
            }
            let (width, height) = (Int(clinic_vips_width(image)), Int(clinic_vips_height(image)))
            sizes.append(turned ? ImageSize(width: height, height: width) : ImageSize(width: width, height: height))
            clinic_vips_unref(image)
        }
        return sizes
    }

    /// True when the orientation swaps width and height (5-8).
    private var turned: Bool { (5...8).contains(orientation) }

    /// The box `width` wide as displayed, as stored.
    private func box(_ width: Int32) -> (Int32, Int32) {
        turned ? (Vips.unbounded, width) : (width, Vips.unbounded)
    }

    /// `vips_thumbnail_buffer` to `width` (as displayed), not evaluated: only its size is read.
    /// As stored for a photo whose orientation is not 1.
    private func lazyThumbnail(width: Int) throws(ImageError) -> Vips.Image {
        if orientation == 1 {
            return try Vips.make(ImageError.corrupt) {
                clinic_vips_thumbnail(source.baseAddress, source.count, Int32(width), Vips.unbounded, CLINIC_VIPS_CROP_NONE, $0)
            }
        }
        let (boxWidth, boxHeight) = box(Int32(width))
        return try Vips.make(ImageError.corrupt) {
            clinic_vips_thumbnail_stored(source.baseAddress, source.count, boxWidth, boxHeight, $0)
        }
    }
}
