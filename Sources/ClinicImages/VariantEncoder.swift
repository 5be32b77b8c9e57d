import CVipsShim

/// Makes the variants of one source: one shared decode (to `VariantPlan.sharedWidth`, in
/// memory, upright, sRGB, without metadata) that every variant small enough is resized from,
/// and one image per distinct box that every format of that box is encoded from.
struct VariantEncoder {
    let source: UnsafeBufferPointer<UInt8>
    let info: ImageInfo
    /// The EXIF orientation (1-8; 5-8 swap width and height).
    var orientation = 1

    /// The variants in the order asked for.
    func encode(_ variants: [ImageVariant]) throws(ImageError) -> [EncodedImage] {
        let plans = variants.map { VariantPlan($0, source: info) }
        var shared: Vips.Image? = nil
        defer { if let shared { clinic_vips_unref(shared) } }
        if plans.contains(where: \.fromShared) {
            shared = try decode(width: VariantPlan.sharedWidth(info), height: nil, cropped: false)
        }
        var order: [VariantPlan] = []
        var members: [VariantPlan: [Int]] = [:]
        for (index, plan) in plans.enumerated() {
            if members[plan] == nil { order.append(plan) }
            members[plan, default: []].append(index)
        }
        var results = [EncodedImage?](repeating: nil, count: variants.count)
        for plan in order {
            let image = try make(plan, shared: shared)
            defer { clinic_vips_unref(image) }
            for index in members[plan] ?? [] {
                results[index] = try save(image, variants[index])
            }
        }
        return results.compactMap { $0 }
    }

    /// The naive pipeline, kept to measure against: one decode (vips_thumbnail_buffer) for
    /// every variant.
    func encodeEachAlone(_ variants: [ImageVariant]) throws(ImageError) -> [EncodedImage] {
        var results: [EncodedImage] = []
        for variant in variants {
            var plan = VariantPlan(variant, source: info)
            plan.fromShared = false
            let image = try make(plan, shared: nil)
            defer { clinic_vips_unref(image) }
            results.append(try save(image, variant))
        }
        return results
    }

    /// The image one plan's formats are encoded from, in memory.
    private func make(_ plan: VariantPlan, shared: Vips.Image?) throws(ImageError) -> Vips.Image {
        var image: Vips.Image
        if plan.fromShared, let shared {
            let crop = plan.cropped ? CLINIC_VIPS_CROP_ATTENTION : CLINIC_VIPS_CROP_NONE
            let height = plan.height.map(Int32.init) ?? Vips.unbounded
            image = try Vips.make(ImageError.failed) { clinic_vips_resample(shared, Int32(plan.width), height, crop, $0) }
            image = try Vips.then(image, ImageError.failed, Vips.inMemory)
        } else {
            image = try decode(width: plan.width, height: plan.height, cropped: plan.cropped)
        }
        if plan.flattened {
            image = try Vips.then(image, ImageError.failed, clinic_vips_flatten_white)
        }
        return image
    }

    /// Decodes the source with shrink-on-load into memory: upright, 8-bit sRGB, no metadata.
    /// A damaged or cut-short file fails here.
    private func decode(width: Int, height: Int?, cropped: Bool) throws(ImageError) -> Vips.Image {
        let crop = cropped ? CLINIC_VIPS_CROP_ATTENTION : CLINIC_VIPS_CROP_NONE
        let boxHeight = height.map(Int32.init) ?? Vips.unbounded
        var image = try Vips.make(ImageError.corrupt) {
            clinic_vips_thumbnail(source.baseAddress, source.count, Int32(width), boxHeight, crop, $0)
        }
        image = try Vips.then(image, ImageError.corrupt, clinic_vips_to_srgb)
        image = try Vips.then(image, ImageError.corrupt, clinic_vips_without_metadata)
        return try Vips.then(image, ImageError.corrupt, Vips.inMemory)
    }

    private func save(_ image: Vips.Image, _ variant: ImageVariant) throws(ImageError) -> EncodedImage {
        var buffer: UnsafeMutableRawPointer? = nil
        var length = 0
        let format: ClinicVipsFormat = switch variant.format {
        case .jpeg: CLINIC_VIPS_JPEG
        case .webp: CLINIC_VIPS_WEBP
        case .png: CLINIC_VIPS_PNG
        }
        guard clinic_vips_save(image, format, Int32(variant.quality), &buffer, &length) == 0, let buffer else {
            throw .failed(Vips.lastError())
        }
        defer { clinic_vips_free(buffer) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
        return EncodedImage(
            width: Int(clinic_vips_width(image)), height: Int(clinic_vips_height(image)),
            format: variant.format, bytes: bytes)
    }
}
