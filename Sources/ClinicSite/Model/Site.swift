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
        // Sort indices on precomputed keys: comparing and moving whole pages is slow.
        let keys = aftercare.map { ($0.lastChanged, $0.title, $0.slug) }
        return aftercare.indices.sorted { Site.isNewer(keys[$0], than: keys[$1]) }
    }

    /// The first `count` of ``aftercareRecencyOrder``, found without sorting every page (the
    /// home page and the feed show only the newest few).
    public func aftercareNewest(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var newest: [Int] = []
        newest.reserveCapacity(count + 1)
        var keys: [(Day?, String, String)] = []
        keys.reserveCapacity(count + 1)
        for (index, page) in aftercare.enumerated() {
            let key = (page.lastChanged, page.title, page.slug)
            if newest.count == count, !Site.isNewer(key, than: keys[keys.count - 1]) { continue }
            // Binary search for the first entry this one is newer than (the order is total: slugs differ).
            var low = 0, high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if Site.isNewer(keys[middle], than: key) { low = middle + 1 } else { high = middle }
            }
            newest.insert(index, at: low)
            keys.insert(key, at: low)
            if newest.count > count {
                newest.removeLast()
                keys.removeLast()
            }
        }
        return newest
    }

    /// Newer `lastChanged` first, undated last, then by title and slug.
    private static func isNewer(_ l: (Day?, String, String), than r: (Day?, String, String)) -> Bool {
        switch (l.0, r.0) {
        case let (a?, b?) where a != b: return a > b
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (l.1, l.2) < (r.1, r.2)
        }
    }

    /// Aftercare grouped by treatment (groups and pages sorted by name; pages without a
    /// treatment under "General").
    public var aftercareByTreatment: [(treatment: String, pages: [AftercarePage])] {
        var groups: [String: (name: String, pages: [AftercarePage])] = [:]
        for page in aftercare {
            let name = page.treatment.map(Site.displayTreatment) ?? "General"
            groups[name.lowercased(), default: (name, [])].pages.append(page)
        }
        return groups.keys.sorted().map { key in
            (groups[key]!.name, groups[key]!.pages.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) })
        }
    }

    /// `cupping` → `Cupping`
    static func displayTreatment(_ treatment: String) -> String {
        guard let first = treatment.first else { return treatment }
        return first.uppercased() + treatment.dropFirst()
    }
}
