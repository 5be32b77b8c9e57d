import ClinicBase
import ClinicContent
import ClinicModel

/// What every page around its own content shows: the clinic, the site's links, the theme's
/// assets, the menu with this page's place in it, and the clinic's structured data. Pages of
/// one section share one chrome, so comparing two of them is comparing two references.
public struct Chrome: Sendable, Equatable {
    /// The values every page of the site shares.
    public struct Values: Sendable, Equatable {
        public var site: ClinicView
        public var links: Links
        /// `assets.<name>`: each theme asset's link (`style_css` → `/assets/style.1a2b3c4d5e.css`).
        public var assets: [String: String]
        /// The site's base path (`/` or `/willow/`).
        public var root: String
        /// The site's address, for absolute links.
        public var url: SiteURL
        /// The start of every page's JSON-LD up to and including the clinic node, escaped for
        /// `<script>`: the same on every page.
        public var scriptStart: String
        /// The files these values come from (`clinic.yml`, menu pages, the FAQ), for scheduling.
        public var sources: Set<String>
        /// `closures.*`: the closures and special hours in force on the build's day.
        public var closures: ClosuresView
    }

    /// The site's links (`links.*`).
    public struct Links: Sendable, Equatable {
        public var home, aftercare, feed, sitemap: String
        /// Only when the site has an FAQ.
        public var faq: String?
    }

    /// One entry of the menu.
    public struct NavItem: Sendable, Equatable {
        public var title: String
        public var url: String
        /// This page.
        public var current: Bool
        /// A page below this entry (the aftercare pages under "Aftercare").
        public var inSection: Bool
    }

    public var values: Shared<Values>
    public var nav: [NavItem]

    /// The menu for the page at `path` (nil for the 404 page).
    static func nav(for path: String?, site: Site) -> [NavItem] {
        let url = site.clinic.url
        var navigation = [NavItem(title: "Home", url: url.basePath, current: path == "", inSection: false)]
        navigation.append(NavItem(title: "Aftercare", url: url.path("aftercare/"), current: path == "aftercare/",
                                  inSection: path != "aftercare/" && (path?.hasPrefix("aftercare/") ?? false)))
        if site.faq != nil {
            navigation.append(NavItem(title: "FAQ", url: url.path("faq/"), current: path == "faq/", inSection: false))
        }
        for page in site.menuPages {
            navigation.append(NavItem(title: page.title, url: url.path(page.path), current: path == page.path, inSection: false))
        }
        return navigation
    }

    /// The shared values of `site`, with `assets` (output path → link).
    static func values(site: Site, assets: [String: String]) -> Values {
        let url = site.clinic.url
        let links = Links(home: url.basePath, aftercare: url.path("aftercare/"), feed: url.path("feed.xml"),
                          sitemap: url.path("sitemap.xml"), faq: site.faq == nil ? nil : url.path("faq/"))
        var keyed: [String: String] = [:]
        for (output, link) in assets { keyed[assetKey(output)] = link }
        var sources: Set<String> = [site.clinic.sourcePath]
        for page in site.menuPages { sources.insert(page.sourcePath) }
        if let faq = site.faq { sources.insert(faq.path) }
        let pictures = Pictures(site)
        sources.formUnion(pictures.clinicPhotoSources)
        return Values(site: pictures.add(to: ClinicView(site.clinic)).noting(site.closures), links: links, assets: keyed, root: url.basePath, url: url,
                      scriptStart: StructuredData.scriptStart(site.clinic, closures: site.closures, image: pictures.social(nil)?.url), sources: sources,
                      closures: ClosuresView(site.closures))
    }

    /// `assets/style.css` → `style_css`: asset names as template names.
    static func assetKey(_ outputPath: String) -> String {
        let name = outputPath.hasPrefix("assets/") ? String(outputPath.dropFirst(7)) : outputPath
        return String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// True when any of `sources` is one of the files these values come from and the chrome
    /// `changed` (a save of `faq.md` that leaves the menu as it was shows nothing of it here).
    func shows(_ sources: Set<String>, changed: Bool) -> Bool {
        changed && !values.value.sources.isDisjoint(with: sources)
    }
}
