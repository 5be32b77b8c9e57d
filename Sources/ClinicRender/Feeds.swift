import ClinicBase
import ClinicContent

/// The machine-readable files: `sitemap.xml`, `robots.txt` and the Atom `feed.xml`.
enum Feeds {
    /// A sitemap of every HTML page (not 404), sorted by address, with `lastmod` where known.
    static func sitemap(_ view: SitemapView) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in view.entries {
            xml += "  <url><loc>\(Escape.xml(view.url.absolute(entry.path)))</loc>"
            if let day = entry.lastModified { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// Allows everything and names the sitemap.
    static func robots(_ view: RobotsView) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(view.url.absolute("sitemap.xml"))\n"
    }

    /// An Atom feed of aftercare pages, newest first. Its `updated` is the newest date in the
    /// content (never the build time), so the same content gives the same feed.
    static func atom(_ view: FeedView) -> String {
        let url = view.url
        // Dated pages come first, so the first page's date is the newest there is.
        let updated = view.entries.first?.lastChanged?.rfc3339 ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(view.language))">
          <title>\(Escape.xml(view.name)): aftercare advice</title>
          <id>\(Escape.xml(url.absolute("aftercare/")))</id>
          <link rel="self" href="\(Escape.xml(url.absolute("feed.xml")))"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(url.absolute("aftercare/")))"/>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(view.name))</name></author>

        """
        for entry in view.entries {
            let link = url.absolute(entry.path)
            xml += "  <entry>\n"
            xml += "    <title>\(Escape.xml(entry.title))</title>\n"
            xml += "    <id>\(Escape.xml(link))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(link))\"/>\n"
            xml += "    <updated>\((entry.lastChanged?.rfc3339) ?? updated)</updated>\n"
            if let date = entry.date { xml += "    <published>\(date.rfc3339)</published>\n" }
            if let summary = entry.summary { xml += "    <summary>\(Escape.xml(summary))</summary>\n" }
            xml += "    <content type=\"html\">\(Escape.xml(entry.content))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
