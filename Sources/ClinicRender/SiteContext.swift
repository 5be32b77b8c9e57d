import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// Builds the Mustache contexts for every page kind. Every key is listed in README.md
/// ("Template variables"). Values are plain strings, numbers, booleans, arrays and
/// dictionaries: Mustache escapes strings for HTML with `{{name}}`; only values that are
/// already HTML (`content`, `intro`, `answer`, `json_ld`) are meant for `{{{name}}}`.
package struct SiteContext {
    package let site: Site
    package let assetPaths: [String: String]
    private let clinic: [String: Any]
    private let links: [String: Any]
    private let assets: [String: Any]
    private let menuPages: [Page]
    /// The shared values of every aftercare page (their menu is the same).
    package private(set) var aftercareShared: [String: Any] = [:]

    /// - Parameter assetPaths: asset output paths (`assets/style.css`) to the root-relative
    ///   link pages should use for them.
    package init(site: Site, assetPaths: [String: String]) {
        self.site = site
        self.assetPaths = assetPaths
        self.clinic = SiteContext.clinicContext(site.clinic)
        var links: [String: Any] = [
            "home": site.clinic.url.basePath,
            "aftercare": site.clinic.url.path("aftercare/"),
            "feed": site.clinic.url.path("feed.xml"),
            "sitemap": site.clinic.url.path("sitemap.xml"),
        ]
        if site.faq != nil { links["faq"] = site.clinic.url.path("faq/") }
        self.links = links
        var assets: [String: Any] = [:]
        for (output, link) in assetPaths { assets[SiteContext.assetKey(output)] = link }
        self.assets = assets
        self.menuPages = site.menuPages
        self.aftercareShared = shared(path: "aftercare/page/")
    }

    /// `style.css` → `style_css`: asset names as Mustache keys.
    package static func assetKey(_ outputPath: String) -> String {
        var name = outputPath.hasPrefix("assets/") ? String(outputPath.dropFirst(7)) : outputPath
        name = String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return name
    }

    private static func clinicContext(_ clinic: Clinic) -> [String: Any] {
        var context: [String: Any] = [
            "name": clinic.name,
            "kind": clinic.kind.rawValue,
            "url": clinic.url.description,
            "language": clinic.language,
        ]
        context["tagline"] = clinic.tagline
        context["description"] = clinic.description
        context["phone"] = clinic.phone
        context["phone_href"] = clinic.phoneURL
        context["email"] = clinic.email
        context["email_href"] = clinic.email.map { "mailto:" + $0 }
        context["booking_url"] = clinic.bookingURL
        context["emergency"] = clinic.emergency
        context["disclaimer"] = clinic.disclaimer
        if let address = clinic.address {
            var value: [String: Any] = ["lines": address.lines, "text": address.singleLine]
            value["street"] = address.street
            value["locality"] = address.locality
            value["region"] = address.region
            value["postal_code"] = address.postalCode
            value["country"] = address.country
            context["address"] = value
        }
        context["map_url"] = clinic.mapLink
        if let hours = clinic.hours {
            context["hours"] = hours.days.map { day -> [String: Any] in
                [
                    "day": day.weekday.name,
                    "key": day.weekday.rawValue,
                    "closed": day.ranges.isEmpty,
                    "text": day.ranges.isEmpty ? "Closed" : day.ranges.map(\.text).joined(separator: ", "),
                    "ranges": day.ranges.map { ["opens": $0.opens.description, "closes": $0.closes.description] },
                ]
            }
        }
        context["practitioners"] = clinic.practitioners.map { person -> [String: Any] in
            var value: [String: Any] = ["name": person.name]
            value["role"] = person.role
            value["credentials"] = person.credentials
            value["bio"] = person.bio
            return value
        }
        context["services"] = clinic.services.map { service -> [String: Any] in
            var value: [String: Any] = ["name": service.name]
            value["duration"] = service.duration
            value["price"] = service.price
            value["description"] = service.description
            return value
        }
        context["social"] = clinic.social.map { ["url": $0] }
        context["has_hours"] = clinic.hours != nil
        context["has_services"] = !clinic.services.isEmpty
        context["has_practitioners"] = !clinic.practitioners.isEmpty
        context["has_social"] = !clinic.social.isEmpty
        context["og_locale"] = String(clinic.language.map { $0 == "-" ? "_" : $0 })
        return context
    }

    /// The values every page of a section shares: `site`, `links`, `nav`, `assets`, `root`.
    package func shared(path: String?) -> [String: Any] {
        var navigation: [[String: Any]] = [["title": "Home", "url": site.clinic.url.basePath, "current": path == ""]]
        navigation.append(["title": "Aftercare", "url": site.clinic.url.path("aftercare/"), "current": path == "aftercare/",
                           "in_section": path != "aftercare/" && (path?.hasPrefix("aftercare/") ?? false)])
        if site.faq != nil {
            navigation.append(["title": "FAQ", "url": site.clinic.url.path("faq/"), "current": path == "faq/"])
        }
        for menuPage in menuPages {
            navigation.append(["title": menuPage.title, "url": site.clinic.url.path(menuPage.path), "current": path == menuPage.path])
        }
        return ["site": clinic, "links": links, "nav": navigation, "assets": assets, "root": site.clinic.url.basePath]
    }

    /// The context every page shares, plus the page's own fields. `shared` may be passed in
    /// when it was computed once for many pages.
    package func page(kind: String, title: String, description: String?, path: String?, fields: [String: Any] = [:],
              extra: [String: Any] = [:], jsonLD: String?, shared: [String: Any]? = nil) -> [String: Any] {
        var page = fields
        page["title"] = title
        page["kind"] = kind
        page["is_" + String(kind.map { $0 == "-" ? "_" : $0 })] = true
        page["description"] = description ?? site.clinic.description
        page["og_type"] = kind == "aftercare" ? "article" : "website"
        page["head_title"] = kind == "home" ? (site.home.title ?? site.clinic.name) : "\(title) · \(site.clinic.name)"
        if let path {
            page["path"] = site.clinic.url.path(path)
            page["url"] = site.clinic.url.absolute(path)
        }
        var context = shared ?? self.shared(path: path)
        context["page"] = page
        if let jsonLD { context["json_ld"] = jsonLD }
        for (key, value) in extra { context[key] = value }
        return context
    }

    package func dayContext(_ day: Day?) -> [String: Any]? {
        day.map { ["iso": $0.iso, "text": $0.text] }
    }

    /// A listing entry's values: `title`, `url`, `summary`, `treatment`, `date`.
    package func entry(_ entry: ListingEntry) -> [String: Any] {
        var value: [String: Any] = ["title": entry.title, "url": site.clinic.url.path(entry.path)]
        value["summary"] = entry.summary
        value["treatment"] = entry.treatment
        value["date"] = dayContext(entry.date)
        return value
    }

    package func faqSection(_ section: FAQSection, idPrefix: String) -> [String: Any] {
        [
            "title": section.title,
            "id": idPrefix + section.id,
            "intro": section.introHTML,
            "faq_url": site.clinic.url.path("faq/") + "#" + section.id,
            "questions": section.questions.map { question -> [String: Any] in
                [
                    "question": question.question,
                    "id": idPrefix + question.id,
                    "answer": question.answerHTML,
                    "faq_url": site.clinic.url.path("faq/") + "#" + question.id,
                ]
            },
        ]
    }
}
