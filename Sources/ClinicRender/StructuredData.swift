import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// schema.org JSON-LD for each page: the clinic as a LocalBusiness subtype on every page,
/// plus the page itself (a `MedicalWebPage` for aftercare, with breadcrumbs) and an
/// `FAQPage` where questions are shown. Made from the pages' views.
enum StructuredData {
    /// The start of every page's script up to and including the clinic node, encoded and
    /// escaped once: it is the same on every page.
    static func scriptStart(_ clinic: Clinic, closures: ClosuresInForce, image: String? = nil) -> String {
        "{\"@context\":\"https://schema.org\",\"@graph\":[" + StructuredData.clinic(clinic, closures: closures, image: image).scriptSafeJSON()
    }

    static func clinicID(_ url: SiteURL) -> String { url.absolute("") + "#clinic" }

    /// The clinic as a LocalBusiness subtype, with the closures and special hours not over;
    /// `image` is its photo's `og:image` address.
    static func clinic(_ clinic: Clinic, closures: ClosuresInForce, image: String? = nil) -> JSONValue {
        var fields: [String: JSONValue?] = [
            "@type": .string(clinic.schemaType),
            "@id": .string(clinicID(clinic.url)),
            "name": .string(clinic.name),
            "url": .string(clinic.url.description),
            "description": clinic.description.json,
            "slogan": clinic.tagline.json,
            "telephone": clinic.phone.json,
            "email": clinic.email.json,
        ]
        if let address = clinic.address {
            fields["address"] = .object([
                "@type": "PostalAddress",
                "streetAddress": address.street.json,
                "addressLocality": address.locality.json,
                "addressRegion": address.region.json,
                "postalCode": address.postalCode.json,
                "addressCountry": address.country.json,
            ])
        }
        if let hours = clinic.hours {
            var specifications: [JSONValue] = []
            for day in hours.days {
                for range in day.ranges {
                    specifications.append([
                        "@type": "OpeningHoursSpecification",
                        "dayOfWeek": .string("https://schema.org/" + day.weekday.name),
                        "opens": .string(range.opens.description),
                        "closes": .string(range.closes.description),
                    ])
                }
            }
            fields["openingHoursSpecification"] = .array(specifications)
        }
        fields["specialOpeningHoursSpecification"] = specialOpeningHours(closures.current)
        if let booking = clinic.bookingURL {
            fields["potentialAction"] = [
                "@type": "ReserveAction",
                "target": .string(booking),
            ]
        }
        if let map = clinic.mapLink { fields["hasMap"] = .string(map) }
        if let image { fields["image"] = .string(image) }
        if !clinic.practitioners.isEmpty {
            fields["employee"] = .array(clinic.practitioners.map { person in
                .object([
                    "@type": "Person",
                    "name": .string(person.name),
                    "jobTitle": person.role.json,
                    "hasCredential": person.credentials.json,
                    "description": person.bio.json,
                ])
            })
        }
        if !clinic.services.isEmpty {
            fields["hasOfferCatalog"] = [
                "@type": "OfferCatalog",
                "name": "Treatments",
                "itemListElement": .array(clinic.services.map { service in
                    let details = [service.duration, service.price].compactMap { $0 }.joined(separator: ", ")
                    return .object([
                        "@type": "Offer",
                        "description": details.isEmpty ? nil : .string(details),
                        "itemOffered": .object([
                            "@type": "Service",
                            "name": .string(service.name),
                            "description": service.description.json,
                        ]),
                    ])
                }),
            ]
        }
        if !clinic.social.isEmpty { fields["sameAs"] = .array(clinic.social.map(JSONValue.string)) }
        return .object(fields)
    }

    /// A page's JSON-LD, ready for `<script>`: the clinic plus the given page nodes in one
    /// `@graph`. The same bytes `JSONEncoder` gives for the whole object with sorted keys
    /// (`@context` sorts before `@graph`), with the clinic node encoded only once per site.
    /// The nodes are written script-safe straight after the clinic's, which was written so
    /// once per site: what must be escaped only occurs inside strings, so writing the parts
    /// one by one gives the bytes escaping the whole would.
    static func script(_ chrome: Chrome, _ nodes: [JSONValue]) -> String {
        let start = chrome.values.value.scriptStart
        var script: [UInt8] = []
        script.reserveCapacity(start.utf8.count + 2048)
        script.append(contentsOf: start.utf8)
        for node in nodes {
            script.append(UInt8(ascii: ","))
            node.write(into: &script, scriptSafe: true)
        }
        script.append(contentsOf: "]}".utf8)
        return String(decoding: script, as: UTF8.self)
    }

    static func webPage(type: String = "WebPage", title: String, description: String?, path: String, chrome: Chrome,
                        image: SocialImage? = nil) -> [String: JSONValue?] {
        let values = chrome.values.value
        return [
            "image": image.map { .string($0.url) },
            "@type": .string(type),
            "@id": .string(values.url.absolute(path)),
            "url": .string(values.url.absolute(path)),
            "name": .string(title),
            "description": description.json,
            "inLanguage": .string(values.site.language),
            "publisher": ["@id": .string(clinicID(values.url))],
        ]
    }

    static func breadcrumbs(_ trail: [(name: String, path: String)], url: SiteURL) -> JSONValue {
        [
            "@type": "BreadcrumbList",
            "itemListElement": .array(trail.enumerated().map { index, crumb in
                [
                    "@type": "ListItem",
                    "position": .int(index + 1),
                    "name": .string(crumb.name),
                    "item": .string(url.absolute(crumb.path)),
                ]
            }),
        ]
    }

    static func faqPage(_ sections: [FAQSectionView], path: String, name: String, url: SiteURL) -> JSONValue {
        [
            "@type": "FAQPage",
            "@id": .string(url.absolute(path) + "#faq"),
            "name": .string(name),
            "mainEntity": .array(sections.flatMap(\.questions).map { question in
                [
                    "@type": "Question",
                    "name": .string(question.question),
                    "acceptedAnswer": ["@type": "Answer", "text": .string(question.answerText)],
                ]
            }),
        ]
    }

    /// An aftercare page: `MedicalWebPage`, breadcrumbs, and the FAQ it shows.
    static func aftercare(_ view: AftercareView) -> String {
        let page = view.page.value
        let url = view.chrome.values.value.url
        let path = "aftercare/\(page.slug)/"
        var fields = webPage(type: "MedicalWebPage", title: page.head.title, description: page.summary, path: path, chrome: view.chrome,
                             image: page.image == nil ? nil : page.head.image)
        fields["datePublished"] = page.date.map { .string($0.iso) }
        fields["dateModified"] = page.lastChanged.map { .string($0.iso) }
        fields["lastReviewed"] = page.reviewed.map { .string($0.iso) }
        if let reviewer = page.reviewedBy { fields["reviewedBy"] = ["@type": "Person", "name": .string(reviewer)] }
        if let treatment = page.treatment { fields["about"] = ["@type": "MedicalTherapy", "name": .string(treatment)] }
        if !page.tags.isEmpty { fields["keywords"] = .string(page.tags.joined(separator: ", ")) }
        fields["audience"] = "https://schema.org/Patient"
        fields["wordCount"] = .int(page.wordCount)
        var nodes: [JSONValue] = [
            .object(fields),
            breadcrumbs([("Home", ""), ("Aftercare", "aftercare/"), (page.head.title, path)], url: url),
        ]
        if !page.faqSections.isEmpty {
            nodes.append(faqPage(page.faqSections, path: path, name: page.head.title, url: url))
        }
        return script(view.chrome, nodes)
    }

    /// A page of the aftercare index: a `CollectionPage` of its entries, and breadcrumbs.
    static func listing(_ view: ListingView) -> String {
        let listing = view.listing
        let url = view.chrome.values.value.url
        var node = webPage(type: "CollectionPage", title: view.head.title, description: view.head.description,
                           path: listing.path, chrome: view.chrome)
        node["hasPart"] = .array(listing.entries.map { ["@id": .string(url.absolute($0.path))] })
        var trail: [(name: String, path: String)] = [("Home", ""), ("Aftercare", "aftercare/")]
        if listing.number > 1 { trail.append(("Page \(listing.number)", listing.path)) }
        return script(view.chrome, [.object(node), breadcrumbs(trail, url: url)])
    }

    static func home(_ view: HomeView) -> String {
        script(view.chrome, [.object(webPage(title: view.head.title, description: view.head.description, path: "", chrome: view.chrome))])
    }

    static func page(_ view: PageView, path: String) -> String {
        let image = view.image == nil ? nil : view.head.image
        return script(view.chrome, [.object(webPage(title: view.head.title, description: view.summary, path: path, chrome: view.chrome, image: image))])
    }

    static func faq(_ view: FAQView) -> String {
        let node = webPage(title: view.title, description: view.summary, path: "faq/", chrome: view.chrome)
        return script(view.chrome, [.object(node), faqPage(view.sections, path: "faq/", name: view.title, url: view.chrome.values.value.url)])
    }

    static func notFound(_ view: NotFoundView) -> String {
        script(view.chrome, [])
    }
}
