import ClinicBase
import ClinicImages
import ClinicModel

/// The checks on the photos a site shows: one shown wider than it is (it will look blurry),
/// and one far larger than a web page needs.
package enum PhotoRules {
    /// Photos over this many bytes are worth making smaller before adding them (25 MB).
    package static let largeFileSize = 25_000_000

    package static func check(_ images: SiteImages) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for source in images.sources.values {
            if source.facts.fileSize > largeFileSize {
                let tenths = (source.facts.fileSize + 50_000) / 100_000
                found.append(warning(SourceLocation(path: source.file.displayPath),
                                     "this photo is \(tenths / 10).\(tenths % 10) MB, over 25 MB: far more than a web page needs (a phone's photo is 2 to 5 MB), and every build that finds it changed reads all of it; save a smaller copy"))
            }
            for use in source.uses {
                guard let shown = use.role.displayWidth else { continue }
                let available = width(of: source.facts.info, as: use.role)
                if available < shown {
                    found.append(warning(use.location, "\(source.file.displayPath) is \(available) pixels wide\(use.role == .team || use.role == .card ? " once cropped" : ""), but the theme shows it up to \(shown) pixels wide: it will look blurry; use a photo at least \(shown * 2) pixels wide (twice, for sharp screens)"))
                }
            }
        }
        return found
    }

    /// How wide the photo is once cropped for `role`.
    private static func width(of info: ImageInfo, as role: ImageRole) -> Int {
        switch role {
        case .team: min(info.width, info.height)
        case .card: min(info.width, info.height * 3 / 2)
        case .hero, .content, .social, .linked: info.width
        }
    }

    private static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(location, message, severity: .warning, stage: .check)
    }
}
