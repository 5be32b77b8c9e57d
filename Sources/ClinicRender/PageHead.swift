import ClinicBase
import ClinicContent
import ClinicModel

/// What every page says about itself (`page.title`, `page.kind`, `page.url` …): the fields
/// every template's `page` has.
public struct PageHead: Sendable, Equatable {
    /// The kinds of page, one per required template.
    public enum Kind: String, Sendable, CaseIterable {
        case home, aftercare, aftercareList = "aftercare-list", faq, page, notFound = "404"
    }

    public var kind: Kind
    public var title: String
    /// The browser tab's title.
    public var headTitle: String
    /// The meta description: the page's summary, else the clinic's description.
    public var description: String?
    /// The root-relative link (`/aftercare/cupping/`); nil for the 404 page.
    public var path: String?
    /// The absolute canonical address; nil for the 404 page.
    public var url: String?
    /// `og:image`: the page's own photo, else the clinic's.
    public var image: SocialImage?

    /// The head of the page at `path` (inside the site; nil for the 404 page).
    /// `image` is the photo at the top of the page, if any.
    init(kind: Kind, title: String, description: String?, path: String?, site: Site, headTitle: String? = nil,
         image: ImageUse? = nil) {
        self.kind = kind
        self.title = title
        self.headTitle = headTitle ?? "\(title) · \(site.clinic.name)"
        self.description = description ?? site.clinic.description
        self.path = path.map(site.clinic.url.path)
        self.url = path.map(site.clinic.url.absolute)
        self.image = Pictures(site).social(image)
    }

    /// `article` for aftercare pages, `website` otherwise (Open Graph).
    public var ogType: String { kind == .aftercare ? "article" : "website" }
}
