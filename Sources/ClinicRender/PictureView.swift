import ClinicBase
import ClinicContent
import ClinicImages
import ClinicModel

/// A photo as a page shows it: the files a browser chooses from and what the `<picture>`
/// says about them. Made from the photo's facts, so a page that shows a replaced photo
/// renders again, and a page that does not show it does not.
public struct PictureView: Sendable, Equatable {
    /// One file a browser may choose.
    public struct Candidate: Sendable, Equatable {
        /// The root-relative link, percent-encoded (`/media/room.1f3a9c42.960.webp`).
        public var url: String
        public var width: Int
        public var height: Int
    }

    /// The photo's file as messages show it (`content/media/room.jpg`).
    public var source: String
    /// The alt text (`""`: decorative).
    public var alt: String
    public var title: String?
    /// How it is shown.
    public var role: ImageRole
    /// The page's first large photo: loaded at once, with `fetchpriority="high"`.
    public var isHero: Bool
    /// The WebP files, narrowest first.
    public var webp: [Candidate]
    /// The JPEG (or PNG) files, narrowest first: the `<img>`'s own.
    public var fallback: [Candidate]
    /// `image/jpeg` or `image/png`.
    public var fallbackType: String

    /// The `<img>`'s `src`, `width` and `height`: the narrowest fallback file at least as wide
    /// as the role is shown, else the widest.
    public var src: Candidate {
        let wanted = role.displayWidth ?? 0
        return fallback.first { $0.width >= wanted } ?? fallback[fallback.count - 1]
    }

    /// The `sizes` attribute: how wide the default theme shows the role.
    public var sizes: String {
        switch role {
        case .hero: "(min-width: 64rem) 61.5rem, calc(100vw - 2.5rem)"
        case .content: "(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)"
        case .team, .card: "(min-width: 64rem) 20rem, (min-width: 36rem) 45vw, calc(100vw - 2.5rem)"
        case .social, .linked: "100vw"
        }
    }

    /// `url 480w, url 960w`
    static func srcset(_ candidates: [Candidate]) -> String {
        candidates.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
    }

    /// The `<picture>` element: a WebP `<source>` and the `<img>` with its fallback files,
    /// `width` and `height` (so nothing moves while the page loads), lazy unless it is the
    /// page's hero; every attribute escaped.
    public var html: String {
        let sizes = Escape.html(self.sizes)
        var markup = "<picture>"
        if !webp.isEmpty {
            markup += "<source type=\"image/webp\" srcset=\"\(Escape.html(Self.srcset(webp)))\" sizes=\"\(sizes)\">"
        }
        let img = src
        markup += "<img src=\"\(Escape.html(img.url))\" srcset=\"\(Escape.html(Self.srcset(fallback)))\" sizes=\"\(sizes)\""
        markup += " width=\"\(img.width)\" height=\"\(img.height)\" alt=\"\(Escape.html(alt))\""
        if let title { markup += " title=\"\(Escape.html(title))\"" }
        markup += isHero ? " fetchpriority=\"high\" decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">"
        return markup + "</picture>"
    }
}

/// A page's `og:image` (and JSON-LD `image`): the 1200 × 630 JPEG.
public struct SocialImage: Sendable, Equatable {
    /// The absolute address.
    public var url: String
    public var width: Int
    public var height: Int
    public var alt: String
}

/// One processed file: what decides its bytes (the photo's fingerprint, the variant, and
/// through the cache key the libvips and pipeline versions), and where the photo is read from.
public struct ImageFileView: Sendable, Equatable {
    /// The photo's absolute path.
    public var sourcePath: String
    /// The photo's path as messages show it.
    public var displayPath: String
    /// The photo's output path before processing (`media/room.jpg`): its entry in ``SiteImages``.
    public var source: String
    public var hash: ImageHash
    public var variant: ImageVariant
    /// ``ImageCache`` key of this file.
    public var cacheKey: String
}
