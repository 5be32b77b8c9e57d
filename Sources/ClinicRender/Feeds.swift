import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// The machine-readable files: `sitemap.xml`, `robots.txt` and the Atom `feed.xml`.
package enum Feeds {
    /// A sitemap of every HTML page (not 404), sorted by address, with `lastmod` where known.
    package static func sitemap(_ entries: [SitemapEntry], site: Site) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            xml += "  <url><loc>\(Escape.xml(site.clinic.url.absolute(entry.path)))</loc>"
            if let day = entry.lastModified { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// Allows everything and names the sitemap.
    package static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.clinic.url.absolute("sitemap.xml"))\n"
    }

    /// How many entries the feed carries (newest first).
    package static let feedLimit = 50

    /// An Atom feed of aftercare pages, newest first. Its `updated` is the newest date in the
    /// content (never the build time), so the same content gives the same feed.
    /// `newest`: the feed's pages as indices into `site.aftercare`, newest first (see
    /// ``Site/aftercareNewest(_:)``).
    package static func atom(site: Site, entries newest: [Int]) -> String {
        let url = site.clinic.url
        let entries = newest.map { site.aftercare[$0] }
        // Dated pages come first, so the first page's date is the newest there is.
        let newest = entries.first?.lastChanged
        let updated = newest?.rfc3339 ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(site.clinic.language))">
          <title>\(Escape.xml(site.clinic.name)): aftercare advice</title>
          <id>\(Escape.xml(url.absolute("aftercare/")))</id>
          <link rel="self" href="\(Escape.xml(url.absolute("feed.xml")))"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(url.absolute("aftercare/")))"/>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(site.clinic.name))</name></author>

        """
        for page in entries {
            let link = url.absolute(page.path)
            xml += "  <entry>\n"
            xml += "    <title>\(Escape.xml(page.title))</title>\n"
            xml += "    <id>\(Escape.xml(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(link))\"/>\n"
            xml += "    <updated>\((page.lastChanged?.rfc3339) ?? updated)</updated>\n"
            if let date = page.date { xml += "    <published>\(date.rfc3339)</published>\n" }
            if let summary = page.summary { xml += "    <summary>\(Escape.xml(summary))</summary>\n" }
            xml += "    <content type=\"html\">\(Escape.xml(page.content.html))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
