import ClinicBase
import ClinicBuild
import ClinicContent
import ClinicModel
import ClinicOutput
import ClinicRender
import Foundation

// libFuzzer target over the whole page pipeline: front matter (stage 2), Markdown (3), the
// model (4) and rendering (5) into a MemorySink (6).
//
// Each input is the bytes of one aftercare page file, `content/aftercare/fuzz.md`, read the
// way `ContentLoader` reads a file (invalid UTF-8 becomes U+FFFD). It joins the demo site's
// clinic.yml, index.md and faq.md (its own aftercare pages and other pages are left out, so an
// input costs one small site) and the site is loaded and rendered into a MemorySink. Inputs of
// even length are built with the demo clinic.yml as it is (raw HTML omitted, site at `/`),
// inputs of odd length with a variant that allows raw HTML and lives under `/willow/`.
// Errors are diagnostics and are fine; a crash, a hang, a sanitizer report or a broken
// invariant below is a bug.

/// The demo site and its theme, read once.
enum PageFuzz {
    /// The repository holding `content/` and `templates/`: `CLINICSITE_ROOT`, else the
    /// checkout this file is in.
    static let root: String = {
        if let root = ProcessInfo.processInfo.environment["CLINICSITE_ROOT"], !root.isEmpty { return root }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Every page is built as of this day, with drafts, future and expired pages included,
    /// so that as many inputs as possible reach the renderer.
    static let options = BuildOptions(includeDrafts: true, includeFuture: true, includeExpired: true,
                                      today: Day(year: 2026, month: 11, day: 1)!, parallel: false,
                                      fingerprintAssets: true)

    struct Setup {
        /// The demo site's sources, aftercare pages and other pages removed; one per
        /// clinic.yml variant.
        var variants: [SiteSources]
        var theme: Theme
    }

    static let setup: Setup = {
        let folder = SiteFolder(root)
        var (sources, diagnostics) = ContentLoader(folder: folder).load()
        let (theme, themeDiagnostics) = Theme.load(sources.templates, assets: sources.assets, folder: folder)
        diagnostics += themeDiagnostics
        guard diagnostics.errors.isEmpty, let theme, let clinic = sources.clinic else {
            fatalError("FuzzPage: cannot load the demo site at \(root): \(diagnostics.map(\.description))")
        }
        sources.aftercare = []
        sources.pages = []
        // The raw-HTML variant: same clinic, under a sub-path, `markdown: unsafe_html: true`.
        var unsafeSources = sources
        let unsafeText = clinic.text
            .replacingOccurrences(of: "url: https://willowstreet.example/\n", with: "url: https://willowstreet.example/willow/\n")
            .replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true")
        precondition(unsafeText.contains("/willow/\n") && unsafeText.contains("unsafe_html: true"),
                     "FuzzPage: the demo clinic.yml changed; update the raw-HTML variant")
        unsafeSources.clinic = SourceFile(path: clinic.path, relativePath: clinic.relativePath, text: unsafeText)
        for variant in [sources, unsafeSources] {
            if case .failure(let failure) = Site.load(variant, options: options) {
                preconditionFailure("FuzzPage: the demo site does not load: \(failure)")
            }
        }
        return Setup(variants: [sources, unsafeSources], theme: theme)
    }()
}

/// Runs one input through load and render; `variant` picks the clinic.yml.
func buildPage(_ text: String, variant: Int) {
    let setup = PageFuzz.setup
    var sources = setup.variants[variant]
    sources.aftercare = [SourceFile(path: "content/aftercare/fuzz.md", relativePath: "aftercare/fuzz.md", text: text)]
    let site: Site
    switch Site.load(sources, options: PageFuzz.options) {
    case .success(let loaded):
        site = loaded
    case .failure(let failure):
        precondition(!failure.diagnostics.errors.isEmpty, "a site failed to load without an error")
        return
    }
    // Drafts, future and expired pages are all included: the page is in, or it had an error.
    precondition(site.aftercare.count == 1, "the page loaded without error but is not in the site")
    let sink = MemorySink()
    do {
        _ = try Rebuild.run(site: site, theme: setup.theme, previous: nil,
                            fingerprintAssets: PageFuzz.options.fingerprintAssets, parallel: false, into: sink)
    } catch {
        return
    }
    let files = sink.files
    for path in files.keys {
        precondition(isPlainOutputPath(path), "the build wrote outside its plain output paths: \(path.debugDescription)")
    }
    let pagePath = site.aftercare[0].value.path + "index.html"
    precondition(files[pagePath] != nil, "the page's own file \(pagePath.debugDescription) was not written")
}

/// An output path a build may write: relative, `/`-separated, no empty, `.` or `..` segment,
/// no backslash or control character.
func isPlainOutputPath(_ path: String) -> Bool {
    let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    for segment in segments {
        if segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return false }
        if segment.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return false }
    }
    return true
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    buildPage(String(decoding: bytes, as: UTF8.self), variant: size % 2)
    return 0
}
