import ClinicMustache
import Foundation

// View models shaped like ClinicSite's aftercare page, for rendering the real theme
// (`templates/aftercare.mustache` with `base` and the partials) in tests and the benchmark.

struct Site: MustacheModel {
    var name: String, language: String, ogLocale: String
    var tagline: String?, phone: String?, phoneHref: String?, email: String?, emailHref: String?
    var bookingURL: String?, emergency: String?, disclaimer: String?, mapURL: String?
    var address: Address?
    var hours: [Day]
    var social: [Social]

    static var mustacheSchema: MustacheSchema<Site> {
        MustacheSchema("site", [
            "name": .text { $0.name }, "language": .text { $0.language }, "og_locale": .text { $0.ogLocale },
            "tagline": .text { $0.tagline }, "phone": .text { $0.phone }, "phone_href": .text { $0.phoneHref },
            "email": .text { $0.email }, "email_href": .text { $0.emailHref }, "booking_url": .text { $0.bookingURL },
            "emergency": .text { $0.emergency }, "disclaimer": .text { $0.disclaimer }, "map_url": .text { $0.mapURL },
            "address": .object { $0.address }, "has_hours": .bool { !$0.hours.isEmpty }, "hours": .list { $0.hours },
            "social": .list { $0.social },
        ])
    }
}

struct Address: MustacheModel {
    var lines: [String]
    var text: String

    static var mustacheSchema: MustacheSchema<Address> {
        MustacheSchema("address", ["lines": .list { $0.lines }, "text": .text { $0.text }])
    }
}

struct Day: MustacheModel {
    var key: String, day: String
    var ranges: [OpeningRange]
    var notes: [DayNote] = []

    static var mustacheSchema: MustacheSchema<Day> {
        MustacheSchema("day", [
            "key": .text { $0.key }, "day": .text { $0.day }, "closed": .bool { $0.ranges.isEmpty }, "ranges": .list { $0.ranges },
            "notes": .list { $0.notes }, "differs": .bool { $0.notes.contains(where: \.shown) },
        ])
    }
}

/// A note in the weekly table, a notice or an entry of the list of closures (one shape for all three).
struct DayNote: MustacheModel {
    var text: String, from: String, to: String, shown: Bool

    static var mustacheSchema: MustacheSchema<DayNote> {
        MustacheSchema("closure", [
            "text": .text { $0.text }, "date": .text { $0.from }, "from": .text { $0.from }, "show_from": .text { $0.from },
            "to": .text { $0.to }, "shown": .bool { $0.shown }, "closed": .bool { $0.shown },
        ])
    }
}

struct Closures: MustacheModel {
    var notices: [DayNote] = [], upcoming: [DayNote] = []

    static var mustacheSchema: MustacheSchema<Closures> {
        MustacheSchema("closures", [
            "notices": .list { $0.notices }, "has_notices": .bool { !$0.notices.isEmpty },
            "notice_shown": .bool { $0.notices.contains(where: \.shown) },
            "upcoming": .list { $0.upcoming }, "has_upcoming": .bool { !$0.upcoming.isEmpty },
        ])
    }
}

struct OpeningRange: MustacheModel {
    var opens: String, closes: String

    static var mustacheSchema: MustacheSchema<OpeningRange> {
        MustacheSchema("range", ["opens": .text { $0.opens }, "closes": .text { $0.closes }])
    }
}

struct Social: MustacheModel {
    var url: String

    static var mustacheSchema: MustacheSchema<Social> { MustacheSchema("social link", ["url": .text { $0.url }]) }
}

struct Links: MustacheModel {
    var home: String, aftercare: String, feed: String
    var faq: String?

    static var mustacheSchema: MustacheSchema<Links> {
        MustacheSchema("links", [
            "home": .text { $0.home }, "aftercare": .text { $0.aftercare }, "feed": .text { $0.feed }, "faq": .text { $0.faq },
        ])
    }
}

struct Assets: MustacheModel {
    var styleCSS: String?, siteJS: String?

    static var mustacheSchema: MustacheSchema<Assets> {
        MustacheSchema("assets", ["style_css": .text { $0.styleCSS }, "site_js": .text { $0.siteJS }])
    }
}

struct NavItem: MustacheModel {
    var title: String, url: String
    var current = false, inSection = false

    static var mustacheSchema: MustacheSchema<NavItem> {
        MustacheSchema("nav item", [
            "title": .text { $0.title }, "url": .text { $0.url }, "current": .bool { $0.current }, "in_section": .bool { $0.inSection },
        ])
    }
}

struct DayText: MustacheModel {
    var iso: String, text: String

    static var mustacheSchema: MustacheSchema<DayText> { MustacheSchema("date", ["iso": .text { $0.iso }, "text": .text { $0.text }]) }
}

struct TocItem: MustacheModel {
    var level: Int, id: String, title: String

    static var mustacheSchema: MustacheSchema<TocItem> {
        MustacheSchema("toc entry", [
            "level": .int { $0.level }, "id": .text { $0.id }, "title": .text { $0.title }, "is_sub": .bool { $0.level == 3 },
        ])
    }
}

struct Question: MustacheModel {
    var id: String, question: String, answer: String

    static var mustacheSchema: MustacheSchema<Question> {
        MustacheSchema("question", ["id": .text { $0.id }, "question": .text { $0.question }, "answer": .html { $0.answer }])
    }
}

struct FAQSection: MustacheModel {
    var id: String, title: String, intro: String
    var questions: [Question]

    static var mustacheSchema: MustacheSchema<FAQSection> {
        MustacheSchema("faq section", [
            "id": .text { $0.id }, "title": .text { $0.title }, "intro": .html { $0.intro }, "questions": .list { $0.questions },
        ])
    }
}

struct PageLink: MustacheModel {
    var title: String, url: String

    static var mustacheSchema: MustacheSchema<PageLink> { MustacheSchema("related page", ["title": .text { $0.title }, "url": .text { $0.url }]) }
}

struct AftercarePage: MustacheModel {
    var title: String, headTitle: String, kind: String, path: String, url: String?, description: String?
    var treatment: String?, summary: String?, reviewed: DayText?, reviewedBy: String?, readingMinutes: Int
    var toc: [TocItem], content: String, faqSections: [FAQSection], related: [PageLink], qrCode: String
    var image: Picture? = nil, ogImage: SocialImage? = nil

    static var mustacheSchema: MustacheSchema<AftercarePage> {
        MustacheSchema("page", [
            "title": .text { $0.title }, "head_title": .text { $0.headTitle }, "kind": .text { $0.kind },
            "og_type": .text { _ in "article" }, "path": .text { $0.path }, "url": .text { $0.url },
            "description": .text { $0.description }, "treatment": .text { $0.treatment }, "summary": .text { $0.summary },
            "reviewed": .object { $0.reviewed }, "reviewed_by": .text { $0.reviewedBy }, "reading_minutes": .int { $0.readingMinutes },
            "has_toc": .bool { !$0.toc.isEmpty }, "toc": .list { $0.toc }, "content": .html { $0.content },
            "has_faq": .bool { !$0.faqSections.isEmpty }, "faq_sections": .list { $0.faqSections },
            "has_related": .bool { !$0.related.isEmpty }, "related": .list { $0.related }, "qr_code": .html { $0.qrCode },
            "image": .object { $0.image }, "og_image": .object { $0.ogImage },
        ])
    }
}

/// A page's photo: the `<picture>` markup ClinicSite makes.
struct Picture: MustacheModel {
    var html: String

    static var mustacheSchema: MustacheSchema<Picture> { MustacheSchema("picture", ["html": .html { $0.html }]) }
}

/// A page's `og:image`.
struct SocialImage: MustacheModel {
    var url: String, width: Int, height: Int, alt: String?

    static var mustacheSchema: MustacheSchema<SocialImage> {
        MustacheSchema("og:image", [
            "url": .text { $0.url }, "width": .int { $0.width }, "height": .int { $0.height }, "alt": .text { $0.alt },
        ])
    }
}

struct AftercareView: MustacheModel {
    var site: Site, page: AftercarePage, links: Links, assets: Assets, nav: [NavItem], jsonLD: String
    var closures = Closures()

    static var mustacheSchema: MustacheSchema<AftercareView> {
        MustacheSchema("aftercare view", [
            "site": .object { $0.site }, "page": .object { $0.page }, "links": .object { $0.links },
            "assets": .object { $0.assets }, "nav": .list { $0.nav }, "json_ld": .html { $0.jsonLD },
            "closures": .object { $0.closures },
        ])
    }
}

/// The real theme, read from the repository's `templates/` folder.
enum Theme {
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    static func sources() -> [MustacheSource] {
        let names = ["base", "aftercare", "aftercare-list", "home", "faq", "page", "404", "contact",
                     "partials/header", "partials/footer", "partials/hours", "partials/faq-section", "partials/print-header",
                     "partials/closures", "partials/closure-notice"]
        return names.map { name in
            let text = (try? String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8)) ?? ""
            return MustacheSource(name: name, path: "templates/\(name).mustache", text: text)
        }
    }
}
