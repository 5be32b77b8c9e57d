import CVipsShim

/// The few steps of driving libvips from Swift. Every image is owned by exactly one caller:
/// `then` releases its input whether the operation worked or not, and the last owner releases
/// the last image with `clinic_vips_unref`.
enum Vips {
    typealias Image = OpaquePointer

    /// Height meaning "as tall as the aspect ratio makes it".
    static let unbounded: Int32 = 10_000_000

    /// Runs one operation on `input` and gives its output, releasing `input` either way.
    static func then(
        _ input: Image,
        _ failure: (String) -> ImageError,
        _ operation: (Image, UnsafeMutablePointer<Image?>) -> Int32
    ) throws(ImageError) -> Image {
        defer { clinic_vips_unref(input) }
        return try make(failure, { output in operation(input, output) })
    }

    /// Runs an operation that makes a new image.
    static func make(
        _ failure: (String) -> ImageError,
        _ operation: (UnsafeMutablePointer<Image?>) -> Int32
    ) throws(ImageError) -> Image {
        var output: Image? = nil
        let status = operation(&output)
        guard status == 0, let output else {
            if let output { clinic_vips_unref(output) }
            throw failure(lastError())
        }
        return output
    }

    /// Copies `input` into memory (decoding it, so a damaged file fails here).
    static func inMemory(_ input: Image, _ out: UnsafeMutablePointer<Image?>) -> Int32 {
        clinic_vips_copy_memory(input, out)
    }

    /// libvips's last error as one line, and the error buffer cleared. The buffer is shared by
    /// every thread: when two images fail at the same moment a line may name the other one.
    static func lastError() -> String {
        guard let copy = clinic_vips_error() else { return "no reason given" }
        defer { clinic_vips_free(copy) }
        let lines = String(cString: copy).split(whereSeparator: \.isNewline).map(oneLine)
        return lines.first(where: { !$0.isEmpty }) ?? "no reason given"
    }

    /// Without the libvips domain: "VipsJpeg: Corrupt JPEG data" -> "Corrupt JPEG data",
    /// "webp: unable to parse image" -> "unable to parse image".
    private static func oneLine(_ line: Substring) -> String {
        var text = line.trimmingWhitespace()
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains(" ") {
            text = text[text.index(after: colon)...].trimmingWhitespace()
        }
        return String(text)
    }
}

private extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return self[start..<end]
    }
}
