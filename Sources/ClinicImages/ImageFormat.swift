/// Output encodings.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg, webp, png

    /// The file name extension browsers and hosts expect: `jpg`, `webp` or `png`.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .webp: "webp"
        case .png: "png"
        }
    }

    /// The media type for `<source type="…">` and HTTP: `image/jpeg`, `image/webp`, `image/png`.
    public var mediaType: String { "image/\(rawValue)" }
}
