import ClinicBase
import ClinicContent
import ClinicModel

/// The theme's templates, ready to turn views into bytes: rendering is template(view) → bytes.
public struct Theme: Sendable {
    /// The templates.
    public let templates: TemplateSet
    /// The QR codes of the pages' addresses.
    private let codes: QRCodeCache

    /// Parses the templates; nil, with every problem, when any is broken or missing.
    /// `keepingCodes`: keep each page address's QR code once drawn (for rebuilds in `serve`).
    public static func load(_ files: [SourceFile], folder: SiteFolder, keepingCodes: Bool = false) -> (Theme?, [Diagnostic]) {
        let (templates, diagnostics) = TemplateSet.load(files, folder: folder)
        return (templates.map { Theme(templates: $0, codes: QRCodeCache(keeps: keepingCodes)) }, diagnostics)
    }

    private init(templates: TemplateSet, codes: QRCodeCache) {
        self.templates = templates
        self.codes = codes
    }

    /// Problems with the templates the outputs ask for (`template:` naming a missing template).
    public func check(_ site: Site) -> [Diagnostic] {
        let requests = site.aftercare.map { ($0.value.template, $0.value.templateLocation, $0.value.sourcePath) }
            + site.pages.map { ($0.template, $0.templateLocation, $0.sourcePath) }
        return requests.filter { !templates.names.contains($0.0) }.map { template, location, path in
            Diagnostic(location ?? SourceLocation(path: path),
                       "unknown template '\(template)': there is no templates/\(template).mustache", stage: .template)
        }
    }

    /// The bytes of an output; nil for a file that is copied as it is.
    public func render(_ output: Output) -> [UInt8]? {
        switch output.view {
        case .aftercare(let view):
            let url = view.page.value.head.url!
            let code = codes.svg(for: url)
            return bytes(templates.render(view.page.value.template, view.context(qrCode: code)))
        case .listing(let view): return bytes(templates.render("aftercare-list", view.context))
        case .home(let view): return bytes(templates.render("home", view.context))
        case .page(let view):
            let path = String(output.key.dropLast("index.html".count))
            return bytes(templates.render(view.template, view.context(path: path)))
        case .faq(let view): return bytes(templates.render("faq", view.context))
        case .notFound(let view): return bytes(templates.render("404", view.context))
        case .sitemap(let view): return bytes(Feeds.sitemap(view))
        case .robots(let view): return bytes(Feeds.robots(view))
        case .feed(let view): return bytes(Feeds.atom(view))
        case .file: return nil
        }
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
