import ClinicBase
import ClinicContent
import ClinicModel
import ClinicMustache
import Synchronization

/// The theme's templates, compiled against the view models they render, so rendering is
/// template(view) → bytes with no lookup by name.
///
/// Templates are named by their path inside `templates/` without `.mustache`
/// (`partials/header`). Loading parses every template and compiles each page kind's template
/// for its model: a syntax error, a name the model does not have, a section over a number, a
/// missing partial or a partial that includes itself is an error with its file, line and
/// column, all of them at once.
public struct Theme: Sendable {
    /// Templates every theme must have, one per page kind.
    public static let required = ["home", "aftercare", "aftercare-list", "faq", "page", "404"]

    /// How the theme's Mustache is read: as the spec says, every unknown name and missing
    /// partial an error.
    static let options = MustacheOptions(missingTemplateIsError: true, unknownNameIsError: true, indentsEveryListElement: true)

    let library: MustacheLibrary
    /// The names of all templates.
    public let names: Set<String>
    private let templates: CompiledTemplates
    /// The QR codes of the pages' addresses.
    public let codes: QRCodeCache

    /// Parses and compiles the templates; nil, with every problem, when any is broken or
    /// missing. `assets` are the theme's asset files (`assets.<name>` must name one of them).
    /// `site`, when given, names templates its pages ask for in front matter: they are
    /// compiled too, so their problems come with the rest (see ``check(_:)``).
    /// `keepingCodes`: keep each page address's QR code once drawn (for rebuilds in `serve`);
    /// `keptCodes`: codes a previous build kept (``QRCodeStore``).
    ///
    /// Every problem comes at once: a syntax error in one template does not hide an unknown
    /// name in another (each template that parses is compiled).
    public static func load(_ files: [SourceFile], assets: [StaticFile] = [], folder: SiteFolder, checking site: Site? = nil,
                            keepingCodes: Bool = false, keptCodes: [String: QRCode] = [:]) -> (Theme?, [Diagnostic]) {
        let library = MustacheLibrary(files.map { MustacheSource(name: String($0.relativePath.dropLast(".mustache".count)), path: $0.path, text: $0.text) })
        var diagnostics = library.diagnostics.map(Diagnostic.init)
        let names = Set(library.names)
        for name in required where !names.contains(name) {
            diagnostics.append(Diagnostic(SourceLocation(path: folder.display("templates/\(name).mustache")),
                                          "missing template: the theme needs '\(name).mustache'", stage: .template))
        }
        diagnostics += AssetReferences.problems(in: files, assets: assets)
        let theme = Theme(library: library, names: names, templates: CompiledTemplates(library: library),
                          codes: QRCodeCache(keeps: keepingCodes, codes: keptCodes))
        var compiled: [Diagnostic] = []
        for kind in PageHead.Kind.allCases where names.contains(kind.template) {
            compiled += theme.templates.compile(kind.template, as: kind)
        }
        if let site { compiled += theme.check(site) }
        // A template whose syntax is broken reports that; what compiling it found besides is
        // left until it parses (it may come only from the broken structure).
        let broken = Set(library.diagnostics.filter { $0.severity == .error }.map(\.path))
        diagnostics += compiled.filter { !broken.contains($0.location.path) }
        return (diagnostics.errors.isEmpty ? theme : nil, diagnostics)
    }

    /// Problems with the templates the site's pages ask for: `template:` naming a template the
    /// theme does not have, or one that does not compile for that kind of page.
    public func check(_ site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Once per template and kind of page; a site of 10,000 pages asks for a handful (this
        // runs on every save in `serve`: no copy or new string per page).
        struct Request: Hashable {
            var template: String
            var kind: PageHead.Kind
        }
        var compiled: Set<Request> = []
        /// False when there is no such template.
        func check(_ template: String, _ location: SourceLocation?, _ path: String, _ kind: PageHead.Kind) -> Bool {
            guard names.contains(template) else {
                problems.append(Diagnostic(location ?? SourceLocation(path: path),
                                           "unknown template '\(template)': there is no templates/\(template).mustache", stage: .template))
                return false
            }
            if compiled.insert(Request(template: template, kind: kind)).inserted {
                problems += templates.compile(template, as: kind)
            }
            return true
        }
        // Pages asking for the template the page before asked for, and found, are done: one
        // string comparison each instead of two lookups.
        var found: String?
        for page in site.aftercare where page.value.template != found {
            found = check(page.value.template, page.value.templateLocation, page.value.sourcePath, .aftercare) ? page.value.template : nil
        }
        for page in site.pages {
            _ = check(page.template, page.templateLocation, page.sourcePath, .page)
        }
        return problems
    }

    /// The bytes of an output; nil for a file that is copied as it is.
    public func render(_ output: Output) -> [UInt8]? {
        switch output.view {
        case .aftercare(let view):
            let model = AftercareModel(view: view, qrCode: codes.svg(for: view.page.value.head.url!))
            return templates.aftercare(view.page.value.template)!.render(model)
        case .listing(let view): return templates.listing!.render(view)
        case .home(let view): return templates.home!.render(view)
        case .page(let view):
            let model = PageModel(view: view, path: String(output.key.dropLast("index.html".count)))
            return templates.page(view.template)!.render(model)
        case .faq(let view): return templates.faq!.render(view)
        case .notFound(let view): return templates.notFound!.render(view)
        case .sitemap(let view): return Feeds.sitemap(view)
        case .robots(let view): return Feeds.robots(view)
        case .feed(let view): return Feeds.atom(view)
        case .file, .image: return nil
        }
    }
}

extension Theme {
    /// The template and the values an HTML output renders with, as dynamic data: what a
    /// second engine renders to check this one (tests).
    package func values(of output: Output) -> (template: String, values: MustacheValue)? {
        switch output.view {
        case .aftercare(let view):
            return (view.page.value.template, MustacheValue(describing: AftercareModel(view: view, qrCode: codes.svg(for: view.page.value.head.url!))))
        case .listing(let view): return ("aftercare-list", MustacheValue(describing: view))
        case .home(let view): return ("home", MustacheValue(describing: view))
        case .page(let view): return (view.template, MustacheValue(describing: PageModel(view: view, path: String(output.key.dropLast("index.html".count)))))
        case .faq(let view): return ("faq", MustacheValue(describing: view))
        case .notFound(let view): return ("404", MustacheValue(describing: view))
        case .sitemap, .robots, .feed, .file, .image: return nil
        }
    }
}

extension PageHead.Kind {
    /// The template a page of this kind renders with, unless its front matter names another.
    var template: String {
        switch self {
        case .home: "home"
        case .aftercare: "aftercare"
        case .aftercareList: "aftercare-list"
        case .faq: "faq"
        case .page: "page"
        case .notFound: "404"
        }
    }
}

/// The compiled templates, by the kind of page they render: the required ones compiled when
/// the theme loads, the ones pages name in their front matter when a site first asks for them.
final class CompiledTemplates: Sendable {
    private struct Store {
        var aftercare: [String: MustacheTemplate<AftercareModel>] = [:]
        var pages: [String: MustacheTemplate<PageModel>] = [:]
        var listing: MustacheTemplate<ListingView>?
        var home: MustacheTemplate<HomeView>?
        var faq: MustacheTemplate<FAQView>?
        var notFound: MustacheTemplate<NotFoundView>?
    }

    let library: MustacheLibrary
    private let store = Mutex(Store())

    init(library: MustacheLibrary) {
        self.library = library
    }

    /// Compiles template `name` for pages of `kind` (once), and returns its problems.
    func compile(_ name: String, as kind: PageHead.Kind) -> [Diagnostic] {
        func make<Model: MustacheModel>(_ model: Model.Type, _ keep: (inout Store, MustacheTemplate<Model>) -> Void) -> [Diagnostic] {
            let (template, problems) = library.compile(name, for: model, options: Theme.options)
            if let template { store.withLock { keep(&$0, template) } }
            return problems.map(Diagnostic.init)
        }
        switch kind {
        case .aftercare:
            if store.withLock({ $0.aftercare[name] != nil }) { return [] }
            return make(AftercareModel.self) { $0.aftercare[name] = $1 }
        case .page:
            if store.withLock({ $0.pages[name] != nil }) { return [] }
            return make(PageModel.self) { $0.pages[name] = $1 }
        case .aftercareList: return make(ListingView.self) { $0.listing = $1 }
        case .home: return make(HomeView.self) { $0.home = $1 }
        case .faq: return make(FAQView.self) { $0.faq = $1 }
        case .notFound: return make(NotFoundView.self) { $0.notFound = $1 }
        }
    }

    func aftercare(_ name: String) -> MustacheTemplate<AftercareModel>? { store.withLock { $0.aftercare[name] } }
    func page(_ name: String) -> MustacheTemplate<PageModel>? { store.withLock { $0.pages[name] } }
    var listing: MustacheTemplate<ListingView>? { store.withLock { $0.listing } }
    var home: MustacheTemplate<HomeView>? { store.withLock { $0.home } }
    var faq: MustacheTemplate<FAQView>? { store.withLock { $0.faq } }
    var notFound: MustacheTemplate<NotFoundView>? { store.withLock { $0.notFound } }
}

extension Diagnostic {
    /// A template problem as every other problem prints.
    init(_ problem: MustacheDiagnostic) {
        self.init(SourceLocation(path: problem.path, line: problem.line, column: problem.column), problem.message,
                  severity: problem.severity == .error ? .error : .warning, stage: .template)
    }
}
