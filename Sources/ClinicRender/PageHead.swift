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
    /// The meta description: the page's summary, else the clinic's description.
    public var description: String?
    /// `og:image`: the page's own photo, else the clinic's.
    public var image: SocialImage?
    /// The page's place inside the site (`aftercare/cupping/`); nil for the 404 page.
    private var place: String?
    /// The site's address, which `path` and `url` are made from.
    private var site: SiteURL
    /// The browser tab's title when it is not the title and the clinic's name.
    private var tabTitle: String?
    private var clinicName: String

    /// The browser tab's title.
    public var headTitle: String { tabTitle ?? "\(title) · \(clinicName)" }
    /// The root-relative link (`/aftercare/cupping/`); nil for the 404 page.
    public var path: String? { place.map(site.path) }
    /// The absolute canonical address; nil for the 404 page.
    public var url: String? { place.map(site.absolute) }

    /// The head of the page at `path` (inside the site; nil for the 404 page).
    /// `image` is the photo at the top of the page, if any. The addresses and the tab's title
    /// are made when a template reads them: 10,000 pages' views hold three strings fewer each.
    init(kind: Kind, title: String, description: String?, path: String?, site: Site, headTitle: String? = nil,
         image: ImageUse? = nil) {
        self.kind = kind
        self.title = title
        self.tabTitle = headTitle
        self.clinicName = site.clinic.name
        self.description = description ?? site.clinic.description
        self.place = path
        self.site = site.clinic.url
        self.image = Pictures(site).social(image)
    }

    /// A head made from its parts: `description` as shown (the page's summary, else the
    /// clinic's description), `image` the `og:image`.
    init(kind: Kind, title: String, description: String?, path: String?, clinicName: String, url: SiteURL, image: SocialImage?) {
        self.kind = kind
        self.title = title
        self.tabTitle = nil
        self.clinicName = clinicName
        self.description = description
        self.place = path
        self.site = url
        self.image = image
    }

    /// `article` for aftercare pages, `website` otherwise (Open Graph).
    public var ogType: String { kind == .aftercare ? "article" : "website" }
}
