import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicMustache

// What each page template renders with: its view, and what is made from the view when the
// page renders (its JSON-LD, its QR code). Templates are compiled against these types.

/// The names every page's template has at the top: `site`, `links`, `nav`, `assets`, `root`.
func chromeFields<Model>(_ chrome: @escaping @Sendable (Model) -> Chrome) -> [(String, MustacheField<Model>)] {
    [
        ("site", .object { chrome($0).values.value.site }),
        ("links", .object { chrome($0).values.value.links }),
        ("nav", .list { chrome($0).nav }),
        ("assets", .dynamic { chrome($0).assetsValue }),
        ("root", .text { chrome($0).values.value.root }),
        ("closures", .object { chrome($0).values.value.closures }),
    ]
}

/// The names every page's `page` has: `title`, `kind`, `url`, …
func headFields<Model>(_ head: @escaping @Sendable (Model) -> PageHead) -> [(String, MustacheField<Model>)] {
    var fields: [(String, MustacheField<Model>)] = [
        ("title", .text { head($0).title }), ("head_title", .text { head($0).headTitle }),
        ("description", .text { head($0).description }), ("kind", .text { head($0).kind.rawValue }),
        ("url", .text { head($0).url }), ("path", .text { head($0).path }), ("og_type", .text { head($0).ogType }),
        ("og_image", .object { head($0).image }),
    ]
    for kind in PageHead.Kind.allCases {
        fields.append(("is_" + kind.rawValue.replacingOccurrences(of: "-", with: "_"), .bool { head($0).kind == kind }))
    }
    return fields
}

/// `page` on pages that have nothing of their own beyond the head (home, index, FAQ, 404).
struct HeadModel: MustacheModel {
    var head: PageHead

    static let mustacheSchema: MustacheSchema<HeadModel> = {
        MustacheSchema("page", fields: headFields { $0.head })
    }()
}

/// An aftercare page's template values.
struct AftercareModel: MustacheModel {
    var view: AftercareView
    var qrCode: String?

    static let mustacheSchema: MustacheSchema<AftercareModel> = {
        MustacheSchema("aftercare page", fields: chromeFields { $0.view.chrome } + [
            ("page", .object { AftercarePageModel(view: $0.view, qrCode: $0.qrCode) }),
            ("json_ld", .html { StructuredData.aftercare($0.view) }),
        ])
    }()
}

/// `page` on an aftercare page.
struct AftercarePageModel: MustacheModel {
    var view: AftercareView
    var qrCode: String?

    static let mustacheSchema: MustacheSchema<AftercarePageModel> = {
        MustacheSchema("page", fields: headFields { $0.view.page.value.head } + [
            ("content", .html { $0.view.page.value.content }),
            ("summary", .text { $0.view.page.value.summary }),
            ("treatment", .text { $0.view.page.value.treatmentShown }),
            ("date", .object { $0.view.page.value.date.map(DateView.init) }),
            ("updated", .object { $0.view.page.value.updated.map(DateView.init) }),
            ("reviewed", .object { $0.view.page.value.reviewed.map(DateView.init) }),
            ("reviewed_by", .text { $0.view.page.value.reviewedBy }),
            ("tags", .list { $0.view.page.value.tags }),
            ("has_tags", .bool { !$0.view.page.value.tags.isEmpty }),
            ("toc", .list { $0.view.page.value.toc }),
            ("has_toc", .bool { $0.view.page.value.toc.count >= 3 }),
            ("word_count", .int { $0.view.page.value.wordCount }),
            ("reading_minutes", .int { $0.view.page.value.readingMinutes }),
            ("faq_sections", .list { $0.view.page.value.faqSections }),
            ("has_faq", .bool { !$0.view.page.value.faqSections.isEmpty }),
            ("related", .list { model in model.view.related.map { EntryView(entry: $0, root: model.view.chrome.values.value.root) } }),
            ("has_related", .bool { !$0.view.related.isEmpty }),
            ("qr_code", .html { $0.qrCode }),
            ("image", .object { $0.view.page.value.image }),
        ])
    }()
}

/// A page of the aftercare index's template values.
extension ListingView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ListingView> = {
        MustacheSchema("aftercare index page", fields: chromeFields { $0.chrome } + [
            ("page", .object { HeadModel(head: $0.head) }),
            ("groups", .list { view in view.listing.groups.map { GroupModel(group: $0, root: view.chrome.values.value.root) } }),
            ("has_groups", .bool { !$0.listing.groups.isEmpty }),
            ("treatments", .list { view in view.listing.treatments.map { TreatmentModel(treatment: $0, listing: view) } }),
            ("has_treatments", .bool { !$0.listing.treatments.isEmpty }),
            ("pagination", .object { $0.listing.total > 1 ? PaginationModel(view: $0) : nil }),
            ("json_ld", .html { StructuredData.listing($0) }),
        ])
    }()
}

/// A treatment's entries on one page of the index.
struct GroupModel: MustacheModel {
    var group: AftercareListing.Group
    var root: String

    static let mustacheSchema: MustacheSchema<GroupModel> = {
        MustacheSchema("treatment group", [
            "treatment": .text { $0.group.treatment }, "id": .text { $0.group.id }, "continued": .bool { $0.group.continued },
            "pages": .list { model in model.group.entries.map { EntryView(entry: $0, root: model.root) } },
        ])
    }()
}

/// A treatment of the whole index, with the link to where it begins.
struct TreatmentModel: MustacheModel {
    var treatment: AftercareListing.Treatment
    var listing: ListingView

    static let mustacheSchema: MustacheSchema<TreatmentModel> = {
        MustacheSchema("treatment", [
            "treatment": .text { $0.treatment.name }, "id": .text { $0.treatment.id }, "count": .int { $0.treatment.count },
            "url": .text { model in
                let anchor = "#" + model.treatment.id
                return model.treatment.page == model.listing.listing.number
                    ? anchor : model.listing.chrome.values.value.url.path(AftercareListing.path(model.treatment.page)) + anchor
            },
        ])
    }()
}

/// The index's page links, when it has more than one page.
struct PaginationModel: MustacheModel {
    var view: ListingView

    /// One link (or a gap) in the list of pages.
    struct Link: MustacheModel {
        var number: Int?
        var url: String?
        var current: Bool

        static let mustacheSchema: MustacheSchema<Link> = {
            MustacheSchema("page link", [
                "number": .int { $0.number }, "url": .text { $0.url }, "current": .bool { $0.current }, "gap": .bool { $0.number == nil },
            ])
        }()
    }

    static let mustacheSchema: MustacheSchema<PaginationModel> = {
        MustacheSchema("pagination", [
            "number": .int { $0.view.listing.number }, "total": .int { $0.view.listing.total },
            "has_previous": .bool { $0.view.listing.number > 1 }, "has_next": .bool { $0.view.listing.number < $0.view.listing.total },
            "previous_url": .text { $0.link($0.view.listing.number - 1) }, "next_url": .text { $0.link($0.view.listing.number + 1) },
            "pages": .list { model in
                model.view.listing.pageLinks.map { number in
                    Link(number: number, url: number.flatMap(model.link), current: number == model.view.listing.number)
                }
            },
        ])
    }()

    /// The link to page `number` of the index, nil when there is no such page.
    func link(_ number: Int) -> String? {
        (1...view.listing.total).contains(number) ? view.chrome.values.value.url.path(AftercareListing.path(number)) : nil
    }
}

/// The home page's template values.
extension HomeView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<HomeView> = {
        MustacheSchema("home page", fields: chromeFields { $0.chrome } + [
            ("page", .object { HeadModel(head: $0.head) }),
            ("intro", .html { $0.intro }),
            ("latest_aftercare", .list { view in view.latest.map { EntryView(entry: $0, root: view.chrome.values.value.root) } }),
            ("has_latest", .bool { !$0.latest.isEmpty }),
            ("json_ld", .html { StructuredData.home($0) }),
        ])
    }()
}

/// Another page's template values.
struct PageModel: MustacheModel {
    var view: PageView
    /// The page's address inside the site (`about/`).
    var path: String

    static let mustacheSchema: MustacheSchema<PageModel> = {
        MustacheSchema("page", fields: chromeFields { $0.view.chrome } + [
            ("page", .object { $0.view }),
            ("json_ld", .html { StructuredData.page($0.view, path: $0.path) }),
        ])
    }()
}

/// `page` on another page.
extension PageView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<PageView> = {
        MustacheSchema("page", fields: headFields { $0.head } + [
            ("content", .html { $0.content }), ("summary", .text { $0.summary }),
            ("date", .object { $0.date.map(DateView.init) }), ("updated", .object { $0.updated.map(DateView.init) }),
            ("image", .object { $0.image }),
        ])
    }()
}

/// The FAQ page's template values.
extension FAQView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<FAQView> = {
        MustacheSchema("FAQ page", fields: chromeFields { $0.chrome } + [
            ("page", .object { HeadModel(head: $0.head) }),
            ("faq", .object { FAQModel(view: $0) }),
            ("json_ld", .html { StructuredData.faq($0) }),
        ])
    }()
}

/// `faq` on the FAQ page.
struct FAQModel: MustacheModel {
    var view: FAQView

    static let mustacheSchema: MustacheSchema<FAQModel> = {
        MustacheSchema("faq", ["title": .text { $0.view.title }, "intro": .html { $0.view.intro }, "sections": .list { $0.view.sections }])
    }()
}

/// The not-found page's template values.
extension NotFoundView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<NotFoundView> = {
        MustacheSchema("not-found page", fields: chromeFields { $0.chrome } + [
            ("page", .object { HeadModel(head: $0.head) }),
            ("json_ld", .html { StructuredData.notFound($0) }),
        ])
    }()
}
