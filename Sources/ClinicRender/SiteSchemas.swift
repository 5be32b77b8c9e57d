import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicMustache

// What templates can read of the values every page shares: `site.*`, `links.*`, `nav`, dates,
// listing entries and FAQ sections. Every name here is in README.md ("Templates"); a name a
// template uses that is not here is an error with its place when the theme loads.

extension ClinicView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView> = {
        MustacheSchema("site", [
            "name": .text { $0.name }, "tagline": .text { $0.tagline }, "description": .text { $0.description },
            "kind": .text { $0.kind }, "language": .text { $0.language }, "url": .text { $0.url },
            "phone": .text { $0.phone }, "phone_href": .text { $0.phoneHref },
            "email": .text { $0.email }, "email_href": .text { $0.emailHref },
            "booking_url": .text { $0.bookingURL }, "map_url": .text { $0.mapURL },
            "address": .object { $0.address },
            "hours": .list { $0.hours ?? [] },
            "practitioners": .list { $0.practitioners }, "services": .list { $0.services },
            "emergency": .text { $0.emergency }, "disclaimer": .text { $0.disclaimer },
            "social": .list { $0.social.map(SocialLink.init) },
            "has_hours": .bool { $0.hours != nil }, "has_services": .bool { !$0.services.isEmpty },
            "has_practitioners": .bool { !$0.practitioners.isEmpty }, "has_social": .bool { !$0.social.isEmpty },
            "og_locale": .text { $0.ogLocale },
            "image": .object { $0.image },
        ])
    }()
}

extension ClinicView.Address: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView.Address> = {
        MustacheSchema("address", [
            "street": .text { $0.street }, "locality": .text { $0.locality }, "region": .text { $0.region },
            "postal_code": .text { $0.postalCode }, "country": .text { $0.country },
            "lines": .list { $0.lines }, "text": .text { $0.text },
        ])
    }()
}

extension ClinicView.Day: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView.Day> = {
        MustacheSchema("day of the week", [
            "day": .text { $0.day }, "key": .text { $0.key }, "closed": .bool { $0.closed }, "text": .text { $0.text },
            "ranges": .list { $0.ranges },
            "notes": .list { $0.notes }, "differs": .bool { $0.notes.contains(where: \.shown) },
        ])
    }()
}

extension ClinicView.Range: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView.Range> = {
        MustacheSchema("opening range", ["opens": .text { $0.opens }, "closes": .text { $0.closes }])
    }()
}

extension ClinicView.Person: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView.Person> = {
        MustacheSchema("practitioner", [
            "name": .text { $0.name }, "role": .text { $0.role }, "credentials": .text { $0.credentials }, "bio": .text { $0.bio },
            "photo": .object { $0.photo },
        ])
    }()
}

extension ClinicView.Service: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClinicView.Service> = {
        MustacheSchema("service", [
            "name": .text { $0.name }, "duration": .text { $0.duration }, "price": .text { $0.price },
            "description": .text { $0.description }, "image": .object { $0.image },
        ])
    }()
}

/// One of the clinic's profiles elsewhere (`site.social`).
struct SocialLink: MustacheModel {
    var url: String

    static let mustacheSchema: MustacheSchema<SocialLink> = {
        MustacheSchema("social link", ["url": .text { $0.url }])
    }()
}

extension Chrome.Links: MustacheModel {
    public static let mustacheSchema: MustacheSchema<Chrome.Links> = {
        MustacheSchema("links", [
            "home": .text { $0.home }, "aftercare": .text { $0.aftercare }, "faq": .text { $0.faq },
            "feed": .text { $0.feed }, "sitemap": .text { $0.sitemap },
        ])
    }()
}

extension Chrome.NavItem: MustacheModel {
    public static let mustacheSchema: MustacheSchema<Chrome.NavItem> = {
        MustacheSchema("menu entry", [
            "title": .text { $0.title }, "url": .text { $0.url }, "current": .bool { $0.current }, "in_section": .bool { $0.inSection },
        ])
    }()
}

/// A calendar day as pages show it (`page.date`, `page.reviewed`, an entry's `date`).
struct DateView: MustacheModel {
    var day: Day

    static let mustacheSchema: MustacheSchema<DateView> = {
        MustacheSchema("date", ["iso": .text { $0.day.iso }, "text": .text { $0.day.text }])
    }()
}

/// An aftercare page as listings show it (`latest_aftercare`, `groups[].pages`, `page.related`).
struct EntryView: MustacheModel {
    var entry: ListingEntry
    /// The site's base path, for the entry's link.
    var root: String

    static let mustacheSchema: MustacheSchema<EntryView> = {
        MustacheSchema("listing entry", [
            "title": .text { $0.entry.title }, "url": .text { $0.root + $0.entry.path },
            "summary": .text { $0.entry.summary }, "treatment": .text { $0.entry.treatment },
            "date": .object { $0.entry.date.map(DateView.init) },
        ])
    }()
}

extension FAQSectionView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<FAQSectionView> = {
        MustacheSchema("FAQ section", [
            "title": .text { $0.title }, "id": .text { $0.id }, "intro": .html { $0.intro }, "faq_url": .text { $0.faqURL },
            "questions": .list { $0.questions },
        ])
    }()
}

extension FAQSectionView.Question: MustacheModel {
    public static let mustacheSchema: MustacheSchema<FAQSectionView.Question> = {
        MustacheSchema("FAQ question", [
            "question": .text { $0.question }, "id": .text { $0.id }, "answer": .html { $0.answer }, "faq_url": .text { $0.faqURL },
        ])
    }()
}

extension TocEntry: MustacheModel {
    public static let mustacheSchema: MustacheSchema<TocEntry> = {
        MustacheSchema("heading", [
            "level": .int { $0.level }, "id": .text { $0.id }, "title": .text { $0.title }, "is_sub": .bool { $0.level == 3 },
        ])
    }()
}

extension Chrome {
    /// `assets.<name>`: the names depend on the theme's files, so they are looked up when the
    /// page renders (and checked when the theme loads, see ``Theme``).
    var assetsValue: MustacheValue {
        .object(values.value.assets.mapValues(MustacheValue.string))
    }
}
