import ClinicBase
import ClinicContent
import ClinicModel

/// What one output file shows: everything its template reads, and nothing else. Two equal
/// views render the same bytes, so a rebuild renders only the outputs whose view changed.
///
/// The aftercare pages' views (a few references each) are held in place; the others, larger
/// and few, are boxed, so a list of 10,000 outputs takes a few words per output rather than
/// the size of the largest view.
public enum OutputView: Sendable, Equatable {
    case aftercare(AftercareView)
    indirect case listing(ListingView)
    indirect case home(HomeView)
    indirect case page(PageView)
    indirect case faq(FAQView)
    indirect case notFound(NotFoundView)
    indirect case sitemap(SitemapView)
    indirect case robots(RobotsView)
    indirect case feed(FeedView)
    indirect case file(FileView)
    /// A processed photo (`media/room.1f3a9c42.960.webp`).
    indirect case image(ImageFileView)

    /// True when the output is a page showing something of any of `sources` (paths of files as
    /// messages show them): the saved page itself, a listing it is on, a page that lists it as
    /// related; or a copied file that is one of them (a stylesheet).
    /// An output whose view changed without showing the save (an index page whose entries
    /// only shifted by one) can render after the others. The chrome (menu, footer, the
    /// clinic's details) counts only when `chromeChanged`: a saved FAQ answer shows on the FAQ
    /// page, not on every page whose menu links the FAQ; the aftercare pages showing its
    /// section change too, and render right after.
    public func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        switch self {
        case .aftercare(let view): view.shows(sources, chromeChanged: chromeChanged)
        case .listing(let view): view.shows(sources, chromeChanged: chromeChanged)
        case .home(let view): view.shows(sources, chromeChanged: chromeChanged)
        case .page(let view): view.shows(sources, chromeChanged: chromeChanged)
        case .faq(let view): view.shows(sources, chromeChanged: chromeChanged)
        case .notFound(let view): view.shows(sources, chromeChanged: chromeChanged)
        // Not pages a browser shows, so none a reload brings back: the sitemap (10,000 addresses
        // take longer than the page saved), robots.txt and the feed render right after.
        case .sitemap, .robots, .feed: false
        case .file(let view): view.shows(sources)
        // Processed off the path of a save: the pages showing the photo render first, each
        // file once its photo is processed (or when a browser asks for it).
        case .image: false
        }
    }

    /// True for a processed photo.
    public var isImage: Bool {
        if case .image = self { return true }
        return false
    }

    /// True for an HTML page.
    public var isPage: Bool {
        switch self {
        case .aftercare, .listing, .home, .page, .faq, .notFound: true
        case .sitemap, .robots, .feed, .file, .image: false
        }
    }
}

/// An output file: its path in the output (the key) and its view.
public struct Output: Sendable {
    /// `aftercare/cupping/index.html`
    public var key: String
    public var view: OutputView

    public init(key: String, view: OutputView) {
        self.key = key
        self.view = view
    }
}
