import ClinicOutput
import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
/// schema.org JSON-LD for each page: the clinic as a LocalBusiness subtype on every page,
/// plus the page itself (a `MedicalWebPage` for aftercare, with breadcrumbs) and an
/// `FAQPage` where questions are shown.
package struct StructuredData {
    package let site: Site
    /// The start of every page's script up to and including the clinic node, encoded and
    /// escaped once: it is the same on every page.
    private let scriptStart: String

    package init(site: Site) {
        self.site = site
        self.scriptStart = Escape.jsonForScript("{\"@context\":\"https://schema.org\",\"@graph\":[" + StructuredData.clinic(site).json())
    }

    package var clinicID: String { StructuredData.clinicID(site) }

    package static func clinicID(_ site: Site) -> String { site.clinic.url.absolute("") + "#clinic" }

    /// The clinic as a LocalBusiness subtype.
    package static func clinic(_ site: Site) -> JSONValue {
        let clinic = site.clinic
        var fields: [String: JSONValue?] = [
            "@type": .string(clinic.schemaType),
            "@id": .string(clinicID(site)),
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
        if let booking = clinic.bookingURL {
            fields["potentialAction"] = [
                "@type": "ReserveAction",
                "target": .string(booking),
            ]
        }
        if let map = clinic.mapLink { fields["hasMap"] = .string(map) }
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
    /// Escaping works byte by byte and never across the ASCII commas that join the nodes, so
    /// escaping the parts one by one gives the bytes escaping the whole would.
    package func script(_ nodes: [JSONValue]) -> String {
        var script = scriptStart
        for node in nodes {
            script += ","
            script += node.scriptSafeJSON()
        }
        script += "]}"
        return script
    }

    package func webPage(type: String = "WebPage", title: String, description: String?, path: String) -> [String: JSONValue?] {
        [
            "@type": .string(type),
            "@id": .string(site.clinic.url.absolute(path)),
            "url": .string(site.clinic.url.absolute(path)),
            "name": .string(title),
            "description": description.json,
            "inLanguage": .string(site.clinic.language),
            "publisher": ["@id": .string(clinicID)],
        ]
    }

    package func breadcrumbs(_ trail: [(name: String, path: String)]) -> JSONValue {
        [
            "@type": "BreadcrumbList",
            "itemListElement": .array(trail.enumerated().map { index, crumb in
                [
                    "@type": "ListItem",
                    "position": .int(index + 1),
                    "name": .string(crumb.name),
                    "item": .string(site.clinic.url.absolute(crumb.path)),
                ]
            }),
        ]
    }

    package func faqPage(_ sections: [FAQSection], path: String, name: String) -> JSONValue {
        [
            "@type": "FAQPage",
            "@id": .string(site.clinic.url.absolute(path) + "#faq"),
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

    package func aftercare(_ page: AftercarePage) -> String {
        var fields = webPage(type: "MedicalWebPage", title: page.title, description: page.summary, path: page.path)
        fields["datePublished"] = page.date.map { .string($0.iso) }
        fields["dateModified"] = page.lastChanged.map { .string($0.iso) }
        fields["lastReviewed"] = page.reviewed.map { .string($0.iso) }
        if let reviewer = page.reviewedBy { fields["reviewedBy"] = ["@type": "Person", "name": .string(reviewer)] }
        if let treatment = page.treatment { fields["about"] = ["@type": "MedicalTherapy", "name": .string(treatment)] }
        if !page.tags.isEmpty { fields["keywords"] = .string(page.tags.joined(separator: ", ")) }
        fields["audience"] = "https://schema.org/Patient"
        fields["wordCount"] = .int(page.content.wordCount)
        var nodes: [JSONValue] = [
            .object(fields),
            breadcrumbs([("Home", ""), ("Aftercare", "aftercare/"), (page.title, page.path)]),
        ]
        if !page.faqSections.isEmpty {
            nodes.append(faqPage(page.faqSections, path: page.path, name: page.title))
        }
        return script(nodes)
    }
}
