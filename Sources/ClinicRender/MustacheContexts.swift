import ClinicBase
import ClinicContent
import ClinicModel

// The views as the dictionaries swift-mustache reads: every key is listed in README.md
// ("Templates"). Values are plain strings, numbers, booleans, arrays and dictionaries:
// Mustache escapes strings for HTML with `{{name}}`; only values that are already HTML
// (`content`, `intro`, `answer`, `json_ld`, `qr_code`) are meant for `{{{name}}}`.

extension Chrome {
    /// `site`, `links`, `nav`, `assets`, `root`, and `page` with `head`'s fields and `fields`.
    func context(head: PageHead, fields: [String: Any] = [:], extra: [String: Any] = [:], jsonLD: String) -> [String: Any] {
        let values = self.values.value
        var page = fields
        page["title"] = head.title
        page["kind"] = head.kind.rawValue
        page["is_" + String(head.kind.rawValue.map { $0 == "-" ? "_" : $0 })] = true
        page["description"] = head.description
        page["og_type"] = head.ogType
        page["head_title"] = head.headTitle
        page["path"] = head.path
        page["url"] = head.url
        var links: [String: Any] = ["home": values.links.home, "aftercare": values.links.aftercare,
                                    "feed": values.links.feed, "sitemap": values.links.sitemap]
        links["faq"] = values.links.faq
        var context: [String: Any] = [
            "site": values.site.context, "links": links, "assets": values.assets, "root": values.root,
            "nav": nav.map { ["title": $0.title, "url": $0.url, "current": $0.current, "in_section": $0.inSection] as [String: Any] },
            "page": page, "json_ld": jsonLD,
        ]
        for (key, value) in extra { context[key] = value }
        return context
    }
}

extension ClinicView {
    var context: [String: Any] {
        var context: [String: Any] = ["name": name, "kind": kind, "url": url, "language": language]
        context["tagline"] = tagline
        context["description"] = description
        context["phone"] = phone
        context["phone_href"] = phoneHref
        context["email"] = email
        context["email_href"] = emailHref
        context["booking_url"] = bookingURL
        context["emergency"] = emergency
        context["disclaimer"] = disclaimer
        if let address {
            var value: [String: Any] = ["lines": address.lines, "text": address.text]
            value["street"] = address.street
            value["locality"] = address.locality
            value["region"] = address.region
            value["postal_code"] = address.postalCode
            value["country"] = address.country
            context["address"] = value
        }
        context["map_url"] = mapURL
        context["hours"] = hours.map { days in
            days.map { day -> [String: Any] in
                ["day": day.day, "key": day.key, "closed": day.closed, "text": day.text,
                 "ranges": day.ranges.map { ["opens": $0.opens, "closes": $0.closes] }]
            }
        }
        context["practitioners"] = practitioners.map { person -> [String: Any] in
            var value: [String: Any] = ["name": person.name]
            value["role"] = person.role
            value["credentials"] = person.credentials
            value["bio"] = person.bio
            return value
        }
        context["services"] = services.map { service -> [String: Any] in
            var value: [String: Any] = ["name": service.name]
            value["duration"] = service.duration
            value["price"] = service.price
            value["description"] = service.description
            return value
        }
        context["social"] = social.map { ["url": $0] }
        context["has_hours"] = hours != nil
        context["has_services"] = !services.isEmpty
        context["has_practitioners"] = !practitioners.isEmpty
        context["has_social"] = !social.isEmpty
        context["og_locale"] = ogLocale
        return context
    }
}

func dayContext(_ day: Day?) -> [String: Any]? {
    day.map { ["iso": $0.iso, "text": $0.text] }
}

extension ListingEntry {
    func context(_ url: SiteURL) -> [String: Any] {
        var value: [String: Any] = ["title": title, "url": url.path(path)]
        value["summary"] = summary
        value["treatment"] = treatment
        value["date"] = dayContext(date)
        return value
    }
}

extension FAQSectionView {
    var context: [String: Any] {
        ["title": title, "id": id, "intro": intro, "faq_url": faqURL,
         "questions": questions.map { ["question": $0.question, "id": $0.id, "answer": $0.answer, "faq_url": $0.faqURL] as [String: Any] }]
    }
}

extension AftercareView {
    func context(qrCode: String?) -> [String: Any] {
        let page = self.page.value
        let url = chrome.values.value.url
        var fields: [String: Any] = [
            "content": page.content, "word_count": page.wordCount, "reading_minutes": page.readingMinutes,
            "tags": page.tags, "has_tags": !page.tags.isEmpty,
        ]
        fields["summary"] = page.summary
        fields["treatment"] = page.treatmentShown
        fields["date"] = dayContext(page.date)
        fields["updated"] = dayContext(page.updated)
        fields["reviewed"] = dayContext(page.reviewed)
        fields["reviewed_by"] = page.reviewedBy
        fields["toc"] = page.toc.map { ["level": $0.level, "id": $0.id, "title": $0.title, "is_sub": $0.level == 3] as [String: Any] }
        fields["has_toc"] = page.toc.count >= 3
        fields["faq_sections"] = page.faqSections.map(\.context)
        fields["has_faq"] = !page.faqSections.isEmpty
        fields["qr_code"] = qrCode
        fields["related"] = related.map { $0.context(url) }
        fields["has_related"] = !related.isEmpty
        return chrome.context(head: page.head, fields: fields, jsonLD: StructuredData.aftercare(self))
    }
}

extension ListingView {
    var context: [String: Any] {
        let url = chrome.values.value.url
        let groups = listing.groups.map { group -> [String: Any] in
            ["treatment": group.treatment, "id": group.id, "continued": group.continued, "pages": group.entries.map { $0.context(url) }]
        }
        let treatments = listing.treatments.map { treatment -> [String: Any] in
            let link = treatment.page == listing.number ? "#" + treatment.id : url.path(AftercareListing.path(treatment.page)) + "#" + treatment.id
            return ["treatment": treatment.name, "id": treatment.id, "url": link, "count": treatment.count]
        }
        var extra: [String: Any] = ["groups": groups, "has_groups": !groups.isEmpty,
                                    "treatments": treatments, "has_treatments": !treatments.isEmpty]
        if listing.total > 1 {
            var pagination: [String: Any] = [
                "number": listing.number, "total": listing.total,
                "has_previous": listing.number > 1, "has_next": listing.number < listing.total,
                "pages": listing.pageLinks.map { number -> [String: Any] in
                    guard let number else { return ["gap": true] }
                    return ["number": number, "url": url.path(AftercareListing.path(number)), "current": number == listing.number, "gap": false]
                },
            ]
            if listing.number > 1 { pagination["previous_url"] = url.path(AftercareListing.path(listing.number - 1)) }
            if listing.number < listing.total { pagination["next_url"] = url.path(AftercareListing.path(listing.number + 1)) }
            extra["pagination"] = pagination
        }
        return chrome.context(head: head, extra: extra, jsonLD: StructuredData.listing(self))
    }
}

extension HomeView {
    var context: [String: Any] {
        let url = chrome.values.value.url
        let latest = self.latest.map { $0.context(url) }
        return chrome.context(head: head, extra: ["intro": intro, "latest_aftercare": latest, "has_latest": !latest.isEmpty],
                              jsonLD: StructuredData.home(self))
    }
}

extension PageView {
    func context(path: String) -> [String: Any] {
        var fields: [String: Any] = ["content": content]
        fields["summary"] = summary
        fields["date"] = dayContext(date)
        fields["updated"] = dayContext(updated)
        return chrome.context(head: head, fields: fields, jsonLD: StructuredData.page(self, path: path))
    }
}

extension FAQView {
    var context: [String: Any] {
        chrome.context(head: head, extra: ["faq": ["title": title, "intro": intro, "sections": sections.map(\.context)] as [String: Any]],
                       jsonLD: StructuredData.faq(self))
    }
}

extension NotFoundView {
    var context: [String: Any] {
        chrome.context(head: head, jsonLD: StructuredData.notFound(self))
    }
}
