import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// `clinicsite check`: builds the site in memory and reports what would go wrong for a visitor
/// or a search engine: links and images that lead nowhere, `#anchors` that do not exist,
/// images without alt text, vague link text, skipped heading levels, aftercare pages without
/// a summary or overdue for review, a phone number or booking link that looks wrong, and
/// closures and special hours that are over or closures without a note.
/// Build errors (a missing required field, an invalid date, time range or URL) are reported
/// as they are.
public enum SiteCheck {
    /// Checks the site in `folder`, built with `options` (drafts, future and expired pages
    /// are left out unless the options include them; `today` decides what is overdue).
    public static func run(folder: SiteFolder, options: BuildOptions) -> CheckResult {
        var options = options
        options.keepsLinks = true
        let sink = MemorySink()
        let state: BuildState
        let report: BuildReport
        do {
            // The photos' headers are read (and their facts taken from the cache when known), their
            // files not made: check writes nothing, and leaves the cache as it is.
            (state, report) = try SiteBuilder.render(folder: folder, options: options,
                                                     images: .forSite(folder, makesFiles: false), into: sink)
        } catch {
            return CheckResult(diagnostics: error.diagnostics, built: false, pageCount: 0, internalLinkCount: 0, externalLinks: [])
        }
        let site = state.site
        var found = report.warnings
        found += ClinicRules.check(site.clinic, file: folder.display("content/clinic.yml"))
        found += ClosureRules.check(site.clinic, today: options.today)
        found += PhotoRules.check(site.images)

        var anchors = AnchorIndex(files: sink.files)
        var internalLinks = 0
        var external: [String: [SourceLocation]] = [:]
        for source in CheckedSource.all(in: site) {
            found += PageRules.links(source)
            found += PageRules.headings(source)
            // Photos were found, read and checked by the build (it fails on one that is missing).
            for link in source.links where !Cmark.isLocalPhoto(link.url) {
                let place = source.location(of: link)
                switch LinkTarget.resolve(link.url, from: source.pagePath, site: site.clinic.url) {
                case .site(let path, let fragment):
                    internalLinks += 1
                    if let problem = anchors.problem(path: path, fragment: fragment, written: link.url, isImage: link.isImage) {
                        found.append(Diagnostic(place, problem, stage: .check))
                    }
                case .external(let url):
                    external[url, default: []].append(place)
                case .invalid(let reason):
                    found.append(Diagnostic(place, "broken \(link.isImage ? "image" : "link"): \(reason)", stage: .check))
                case .other:
                    break
                }
            }
        }
        for page in site.aftercare.lazy.map(\.value) {
            found += PageRules.aftercare(page, interval: site.clinic.reviewInterval, today: options.today)
        }
        let clinicFile = folder.display("content/clinic.yml")
        for key in ["booking_url", "map_url"] {
            let value = key == "booking_url" ? site.clinic.bookingURL : site.clinic.mapURL
            if let value, case .external(let url) = LinkTarget.resolve(value, from: "", site: site.clinic.url) {
                external[url, default: []].append(site.clinic.fieldLocations[key] ?? SourceLocation(path: clinicFile))
            }
        }
        for value in site.clinic.social {
            if case .external(let url) = LinkTarget.resolve(value, from: "", site: site.clinic.url) {
                external[url, default: []].append(site.clinic.fieldLocations["social"] ?? SourceLocation(path: clinicFile))
            }
        }

        let pages = report.pageCount
        let links = external.keys.sorted().map { ExternalLink(url: $0, locations: Array(Set(external[$0]!)).sorted()) }
        return CheckResult(diagnostics: Array(Set(found)).sorted(), built: true, pageCount: pages,
                           internalLinkCount: internalLinks, externalLinks: links)
    }
}

/// The files of a site built in memory, and the anchors of its HTML pages (read when first
/// asked for).
package struct AnchorIndex {
    package let files: [String: [UInt8]]
    private var ids: [String: Set<String>] = [:]

    package init(files: [String: [UInt8]]) {
        self.files = files
    }

    /// Why a link to `path#fragment` (as resolved by ``LinkTarget``) leads nowhere, or nil when
    /// it reaches a built file and, if it names one, an anchor in it.
    package mutating func problem(path: String, fragment: String?, written: String, isImage: Bool) -> String? {
        let what = isImage ? "image" : "link"
        guard let file = file(for: path) else {
            let hint = isImage || path.hasPrefix("media/")
                ? "; files in content/media/ are published under /media/"
                : ""
            return "broken \(what): '\(written)' leads to no page or file in the site (looked for /\(path))\(hint)"
        }
        guard let fragment, !fragment.isEmpty, fragment != "top", file.hasSuffix(".html") else { return nil }
        if ids[file] == nil { ids[file] = HTMLAnchors.ids(in: files[file] ?? []) }
        if ids[file]!.contains(fragment) { return nil }
        let page = file == "index.html" ? "/" : "/" + (file.hasSuffix("/index.html") ? String(file.dropLast("index.html".count)) : file)
        return "broken \(what): '\(written)' points at '#\(fragment)', which is not an anchor on \(page)"
    }

    /// The built file a path names: `x/` → `x/index.html`; `x` → `x`, else `x/index.html`
    /// (which web servers redirect to `x/`).
    private func file(for path: String) -> String? {
        if path.isEmpty || path.hasSuffix("/") {
            let index = path + "index.html"
            return files[index] != nil ? index : nil
        }
        if files[path] != nil { return path }
        let index = path + "/index.html"
        return files[index] != nil ? index : nil
    }
}
