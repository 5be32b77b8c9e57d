import ClinicBase
import ClinicMustache

// What templates can read of a photo: the `<picture>` ClinicSite makes (`html`), or its parts
// for a theme that writes its own markup. Listed in README.md ("Templates").

extension PictureView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<PictureView> = {
        MustacheSchema("picture", [
            "html": .html { $0.html },
            "src": .text { $0.src.url }, "width": .int { $0.src.width }, "height": .int { $0.src.height },
            "srcset": .text { PictureView.srcset($0.fallback) }, "webp_srcset": .text { PictureView.srcset($0.webp) },
            "type": .text { $0.fallbackType }, "sizes": .text { $0.sizes }, "alt": .text { $0.alt },
            "is_hero": .bool { $0.isHero },
        ])
    }()
}

extension SocialImage: MustacheModel {
    public static let mustacheSchema: MustacheSchema<SocialImage> = {
        MustacheSchema("og:image", [
            "url": .text { $0.url }, "width": .int { $0.width }, "height": .int { $0.height },
            "alt": .text { $0.alt.isEmpty ? nil : $0.alt },
        ])
    }()
}
