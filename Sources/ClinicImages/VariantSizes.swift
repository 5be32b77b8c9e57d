import CVipsShim

extension VariantEncoder {
    /// The size each variant's output will have, worked out by libvips without decoding a
    /// pixel: the same operations `encode` runs, built lazily and asked for their size, so
    /// the answer is the size of the file `encode` writes (tested over many shapes).
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
                image = try Vips.make(ImageError.failed) {
                    clinic_vips_resample(shared, Int32(plan.width), Vips.unbounded, CLINIC_VIPS_CROP_NONE, $0)
                }
            } else {
                image = try lazyThumbnail(width: plan.width)
            }
            sizes.append(ImageSize(width: Int(clinic_vips_width(image)), height: Int(clinic_vips_height(image))))
            clinic_vips_unref(image)
        }
        return sizes
    }

    /// `vips_thumbnail_buffer` to `width`, not evaluated: only its size is read.
    private func lazyThumbnail(width: Int) throws(ImageError) -> Vips.Image {
        try Vips.make(ImageError.corrupt) {
            clinic_vips_thumbnail(source.baseAddress, source.count, Int32(width), Vips.unbounded, CLINIC_VIPS_CROP_NONE, $0)
        }
    }
}
