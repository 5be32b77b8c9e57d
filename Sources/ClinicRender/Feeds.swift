import ClinicBase
import ClinicContent

/// The machine-readable files: `sitemap.xml`, `robots.txt` and the Atom `feed.xml`, written
/// straight into their bytes (a 10,000-page sitemap is a megabyte).
enum Feeds {
    /// A sitemap of every HTML page (not 404), sorted by address, with `lastmod` where known.
    static func sitemap(_ view: SitemapView) -> [UInt8] {
        let entries = view.entries
        var xml: [UInt8] = []
        xml.reserveCapacity(128 + entries.count * (64 + view.url.absolute("").utf8.count))
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8
        for entry in entries {
            xml += "  <url><loc>".utf8
            Escape.appendXML(view.url.absolute(entry.path), to: &xml)
            xml += "</loc>".utf8
            if let day = entry.lastModified { xml += "<lastmod>\(day.iso)</lastmod>".utf8 }
            xml += "</url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return xml
    }

    /// Allows everything and names the sitemap.
    static func robots(_ view: RobotsView) -> [UInt8] {
        Array("User-agent: *\nAllow: /\n\nSitemap: \(view.url.absolute("sitemap.xml"))\n".utf8)
    }

    /// An Atom feed of aftercare pages, newest first. Its `updated` is the newest date in the
    /// content (never the build time), so the same content gives the same feed.
    static func atom(_ view: FeedView) -> [UInt8] {
        let url = view.url
        // Dated pages come first, so the first page's date is the newest there is.
        let updated = view.entries.first?.lastChanged?.rfc3339 ?? "1970-01-01T00:00:00Z"
        var xml: [UInt8] = []
        xml.reserveCapacity(1024 + view.entries.reduce(0) { $0 + $1.content.utf8.count + 512 })
        func text(_ value: String) { Escape.appendXML(value, to: &xml) }
        xml += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"".utf8
        text(view.language)
        xml += "\">\n  <title>".utf8
        text(view.name)
        xml += ": aftercare advice</title>\n  <id>".utf8
        text(url.absolute("aftercare/"))
        xml += "</id>\n  <link rel=\"self\" href=\"".utf8
        text(url.absolute("feed.xml"))
        xml += "\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"".utf8
        text(url.absolute("aftercare/"))
        xml += "\"/>\n  <updated>\(updated)</updated>\n  <author><name>".utf8
        text(view.name)
        xml += "</name></author>\n".utf8
        for entry in view.entries {
            let link = url.absolute(entry.path)
            xml += "  <entry>\n    <title>".utf8
            text(entry.title)
            xml += "</title>\n    <id>".utf8
            text(link)
            xml += "</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"".utf8
            text(link)
            xml += "\"/>\n    <updated>\((entry.lastChanged?.rfc3339) ?? updated)</updated>\n".utf8
            if let date = entry.date { xml += "    <published>\(date.rfc3339)</published>\n".utf8 }
            if let summary = entry.summary {
                xml += "    <summary>".utf8
                text(summary)
                xml += "</summary>\n".utf8
            }
            xml += "    <content type=\"html\">".utf8
            text(entry.content)
            xml += "</content>\n  </entry>\n".utf8
        }
        xml += "</feed>\n".utf8
        return xml
    }
}
