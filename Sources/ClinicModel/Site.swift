import ClinicBase
import ClinicContent
import ClinicMarkdown
/// The whole site as values: everything the renderer needs, nothing it has to look up.
public struct Site: Sendable {
    public var clinic: Clinic
    public var home: HomePage
    /// Aftercare pages, sorted by address.
    public var aftercare: [AftercarePage]
    /// Other pages, sorted by address.
    public var pages: [Page]
    /// The FAQ page, when `content/faq.md` exists.
    public var faq: FAQ?
    /// Files copied from `content/media/`.
    public var media: [StaticFile]
    /// Files copied from `templates/assets/`.
    public var assets: [StaticFile]
    /// Pages left out (drafts, future dates), with the reason.
    public var excluded: [Exclusion]

    /// Pages with a `menu` position, in that order (then by title).
    public var menuPages: [Page] {
        pages.filter { $0.menu != nil }.sorted { ($0.menu!, $0.title, $0.slug) < ($1.menu!, $1.title, $1.slug) }
    }

    /// Aftercare pages, newest first (by `updated`/`date`; undated last), then by title.
    public var aftercareByRecency: [AftercarePage] {
        aftercareRecencyOrder.map { aftercare[$0] }
    }

    /// Indices into ``aftercare``, newest first (see ``aftercareByRecency``).
    public var aftercareRecencyOrder: [Int] {
        aftercare.indices.sorted(by: isNewer)
    }

    /// True when aftercare page `left` comes before page `right` in ``aftercareRecencyOrder``.
    /// Compares the pages in place, by index: copying a page copies every field of it.
    private func isNewer(_ left: Int, than right: Int) -> Bool {
        switch (aftercare[left].lastChanged, aftercare[right].lastChanged) {
        case let (a?, b?) where a != b: return a > b
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (aftercare[left].title, aftercare[left].slug) < (aftercare[right].title, aftercare[right].slug)
        }
    }

    /// The first `count` of ``aftercareRecencyOrder``, found without sorting every page (the
    /// home page and the feed show only the newest few).
    public func aftercareNewest(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var newest: [Int] = []
        newest.reserveCapacity(count + 1)
        for index in aftercare.indices {
            if newest.count == count, !isNewer(index, than: newest[count - 1]) { continue }
            // The first kept page this one is newer than (the order is total: slugs differ).
            newest.insert(index, at: firstPosition(in: newest.count) { isNewer(newest[$0], than: index) })
            if newest.count > count { newest.removeLast() }
        }
        return newest
    }

    /// `cupping` → `Cupping`
    package static func displayTreatment(_ treatment: String) -> String {
        guard let first = treatment.first else { return treatment }
        return first.uppercased() + treatment.dropFirst()
    }
}
