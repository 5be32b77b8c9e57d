import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel

/// One page of the aftercare index (`aftercare/index.html`, `aftercare/page/<n>/index.html`).
public struct ListingView: Sendable, Equatable {
    public var chrome: Chrome
    public var head: PageHead
    public var listing: AftercareListing

    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        listing.groups.contains { $0.entries.contains { $0.isFrom(sources) } } || chrome.shows(sources, changed: chromeChanged)
    }
}

/// The home page (`index.html`).
public struct HomeView: Sendable, Equatable {
    public var chrome: Chrome
    public var head: PageHead
    /// The introduction from `index.md`, HTML.
    public var intro: String
    /// The five newest aftercare pages.
    public var latest: [ListingEntry]
    /// `index.md`, when there is one.
    public var source: String?
    /// The photos the introduction shows (display paths), for scheduling.
    public var photos: Set<String> = []

    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        source.map(sources.contains) == true || latest.contains { $0.isFrom(sources) } || chrome.shows(sources, changed: chromeChanged)
            || !photos.isDisjoint(with: sources)
    }
}

/// Another page (`<slug>/index.html`).
public struct PageView: Sendable, Equatable {
    public var chrome: Chrome
    public var head: PageHead
    public var source: String
    public var template: String
    /// The body, HTML.
    public var content: String
    public var summary: String?
    public var date, updated: Day?
    /// Front matter `image`, shown at the top.
    public var image: PictureView? = nil
    /// The photos the page shows (display paths), for scheduling.
    public var photos: Set<String> = []

    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        sources.contains(source) || chrome.shows(sources, changed: chromeChanged) || !photos.isDisjoint(with: sources)
    }
}

/// The FAQ page (`faq/index.html`).
public struct FAQView: Sendable, Equatable {
    public var chrome: Chrome
    public var head: PageHead
    public var title: String
    /// The front matter's `summary`.
    public var summary: String?
    /// HTML before the first section.
    public var intro: String
    public var sections: [FAQSectionView]
    /// The photos the page shows (display paths), for scheduling.
    public var photos: Set<String> = []
    /// `faq.md` (display path), for scheduling.
    public var source: String

    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool {
        sources.contains(source) || chrome.shows(sources, changed: chromeChanged) || !photos.isDisjoint(with: sources)
    }
}

/// The not-found page (`404.html`).
public struct NotFoundView: Sendable, Equatable {
    public var chrome: Chrome
    public var head: PageHead

    func shows(_ sources: Set<String>, chromeChanged: Bool) -> Bool { chrome.shows(sources, changed: chromeChanged) }
}

/// `sitemap.xml`: every address, with its last change when known.
public struct SitemapView: Sendable, Equatable {
    /// One address.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var lastModified: Day?
    }

    public var url: SiteURL
    /// The home page, the pages of the aftercare index, the FAQ and the other pages.
    public var pages: [Entry]
    /// The aftercare pages (each entry's `path` and `date`, all the sitemap reads of them): the
    /// index's own list, shared with the site value rather than copied entry by entry on every
    /// save in `serve`.
    public var aftercare: [ListingEntry]

    /// Equal when every address and date is: an aftercare page's new title leaves the sitemap
    /// as it was.
    public static func == (lhs: SitemapView, rhs: SitemapView) -> Bool {
        lhs.url == rhs.url && lhs.pages == rhs.pages && lhs.aftercare.count == rhs.aftercare.count
            && lhs.aftercare.withUnsafeBufferPointer { left in
                rhs.aftercare.withUnsafeBufferPointer { right in
                    left.baseAddress == right.baseAddress || left.indices.allSatisfy { left[$0].hasSameAddressAndDate(as: right[$0]) }
                }
            }
    }

    /// Every address, sorted.
    var entries: [Entry] {
        var all = pages
        all.reserveCapacity(pages.count + aftercare.count)
        for entry in aftercare { all.append(Entry(path: entry.path, lastModified: entry.date)) }
        return all.sorted { $0.path < $1.path }
    }
}

/// `robots.txt`.
public struct RobotsView: Sendable, Equatable {
    public var url: SiteURL
}

/// `feed.xml`: the newest aftercare pages as an Atom feed.
public struct FeedView: Sendable, Equatable {
    /// One entry.
    public struct Entry: Sendable, Equatable {
        public var title: String
        public var path: String
        public var date, lastChanged: Day?
        public var summary: String?
        /// The body, HTML.
        public var content: String
    }

    public var url: SiteURL
    public var name: String
    public var language: String
    /// Newest first.
    public var entries: [Entry]
}

/// A file copied as it is (a theme asset, a media file).
public struct FileView: Sendable, Equatable {
    public var file: StaticFile

    func shows(_ sources: Set<String>) -> Bool { sources.contains(file.displayPath) }
}
