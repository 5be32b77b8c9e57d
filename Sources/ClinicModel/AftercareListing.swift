import ClinicBase
import ClinicContent
import ClinicMarkdown
/// What listings show of an aftercare page (the aftercare index, the home page's latest
/// advice, related pages).
public struct ListingEntry: Equatable, Sendable {
    /// The file the page came from.
    public var source: String { fields.value.source }
    public var title: String { fields.value.title }
    public var slug: String { fields.value.slug }
    public var summary: String? { fields.value.summary }
    /// The treatment as shown (`Hot stone`).
    public var treatment: String? { fields.value.treatment }
    /// The newest of `updated` and `date`.
    public var date: Day? { fields.value.date }
    /// The page's address inside the site (`aftercare/cupping/`): made once, as every save in
    /// `serve` lists all of them for the sitemap.
    public var path: String { fields.value.path }

    /// True when the page came from one of `files` (a save names one or two: they are compared
    /// in place, without hashing the page's path or taking a copy of it).
    public func isFrom(_ files: Set<String>) -> Bool {
        files.count > 4 ? files.contains(fields.value.source) : files.contains { $0 == fields.value.source }
    }

    /// True when both entries give the same address and date (what a sitemap shows of them):
    /// at once when they were made from the same page value.
    public func hasSameAddressAndDate(as other: ListingEntry) -> Bool {
        fields === other.fields || (fields.value.path == other.fields.value.path && fields.value.date == other.fields.value.date)
    }

    /// The fields behind one reference: the index, its pages, the related lists and the
    /// sitemap copy entries by the ten thousand on every save in `serve`, and a copy is then
    /// one retain instead of one per string (they were half of a save's time at 10,000 pages).
    /// Equal entries made from the same page compare by identity first.
    private let fields: Shared<Fields>

    private struct Fields: Equatable, Sendable {
        var source, title, slug: String
        var summary, treatment: String?
        var date: Day?
        var path: String
    }

    package init(_ page: borrowing AftercarePage) {
        fields = Shared(Fields(source: page.sourcePath, title: page.title, slug: page.slug, summary: page.summary,
                               treatment: page.treatment.map(Site.displayTreatment), date: page.lastChanged,
                               path: "aftercare/\(page.slug)/"))
    }
}

/// The aftercare index in order: every page's entry, grouped by treatment (groups by name,
/// pages without a treatment under "General"), each group by title, then slug. Kept between
/// rebuilds, so a page whose entry changed only moves within its group.
package struct AftercareIndex: Sendable {
    /// A treatment and its pages, in order (indices into the site's aftercare pages).
    package struct Group: Sendable {
        package var key: String
        package var name: String
        package var pages: [Int]
    }

    /// Entry `i` is aftercare page `i`'s.
    package private(set) var entries: [ListingEntry]
    package private(set) var groups: [Group]

    package init(_ pages: [Shared<AftercarePage>]) {
        entries = pages.map { ListingEntry($0.value) }
        var byKey: [String: Group] = [:]
        for index in entries.indices {
            let name = entries[index].treatment ?? "General"
            byKey[name.lowercased(), default: Group(key: name.lowercased(), name: name, pages: [])].pages.append(index)
        }
        groups = byKey.keys.sorted().map { byKey[$0]! }
        for group in groups.indices { groups[group].pages.sort(by: precedes) }
    }

    /// True when entry `left` comes before entry `right` in its group.
    private func precedes(_ left: Int, _ right: Int) -> Bool {
        (entries[left].title, entries[left].slug) < (entries[right].title, entries[right].slug)
    }

    /// Takes the new entry of page `index`, which kept its address. Returns false, changing
    /// nothing, when its treatment as shown changed (remove and insert it then).
    package mutating func replace(_ index: Int, with entry: ListingEntry) -> Bool {
        guard entry.treatment == entries[index].treatment,
              let group = groups.firstIndex(where: { $0.key == (entry.treatment ?? "General").lowercased() }),
              let old = groups[group].pages.firstIndex(of: index) else { return false }
        groups[group].pages.remove(at: old)
        entries[index] = entry
        let position = firstPosition(in: groups[group].pages.count) { precedes(groups[group].pages[$0], index) }
        groups[group].pages.insert(index, at: position)
        return true
    }

    /// Takes a new page at `index` (pages from `index` on move up by one), with its entry.
    package mutating func insert(_ entry: ListingEntry, at index: Int) {
        for group in groups.indices {
            for position in groups[group].pages.indices where groups[group].pages[position] >= index {
                groups[group].pages[position] += 1
            }
        }
        entries.insert(entry, at: index)
        let name = entry.treatment ?? "General"
        let key = name.lowercased()
        let group = firstPosition(in: groups.count) { groups[$0].key < key }
        if group == groups.count || groups[group].key != key {
            groups.insert(Group(key: key, name: name, pages: []), at: group)
        }
        let position = firstPosition(in: groups[group].pages.count) { precedes(groups[group].pages[$0], index) }
        groups[group].pages.insert(index, at: position)
        renameAfterChange(group)
    }

    /// Lets go of page `index` (pages after it move down by one).
    package mutating func remove(at index: Int) {
        let key = (entries[index].treatment ?? "General").lowercased()
        let group = groups.firstIndex { $0.key == key }!
        groups[group].pages.removeAll { $0 == index }
        if groups[group].pages.isEmpty {
            groups.remove(at: group)
        }
        entries.remove(at: index)
        for group in groups.indices {
            for position in groups[group].pages.indices where groups[group].pages[position] > index {
                groups[group].pages[position] -= 1
            }
        }
        if let group = groups.firstIndex(where: { $0.key == key }) { renameAfterChange(group) }
    }

    /// A group is named as its first page in the site's order (by slug) shows the treatment.
    private mutating func renameAfterChange(_ group: Int) {
        guard let first = groups[group].pages.min() else { return }
        groups[group].name = entries[first].treatment ?? "General"
    }
}

/// One page of the aftercare index: the entries it lists, by treatment, and where it sits among
/// the others. The index lists `aftercare_per_page` entries per page: `/aftercare/`, then
/// `/aftercare/page/2/` and so on. Equal listings render the same page, so a rebuild renders
/// only the listing pages whose value changed.
public struct AftercareListing: Equatable, Sendable {
    /// A treatment's entries on this page; `continued` when it began on an earlier page.
    public struct Group: Equatable, Sendable {
        public var treatment: String
        public var id: String
        public var continued: Bool
        public var entries: [ListingEntry]
    }

    /// A treatment of the whole index: where its entries begin, and how many there are.
    public struct Treatment: Equatable, Sendable {
        public var name: String
        public var id: String
        /// The number of the listing page its first entry is on.
        public var page: Int
        public var count: Int
    }

    /// 1 for `/aftercare/`.
    public var number: Int
    /// How many listing pages there are.
    public var total: Int
    public var groups: [Group]
    /// Every treatment of the index, on every page (for the treatment links).
    public var treatments: [Treatment]

    /// The output folder of listing page `number`.
    public static func path(_ number: Int) -> String {
        number == 1 ? "aftercare/" : "aftercare/page/\(number)/"
    }

    public var path: String { Self.path(number) }

    /// The entries of this page, in order.
    public var entries: [ListingEntry] { groups.flatMap(\.entries) }

    /// Splits the index into pages of `perPage` entries. An empty index is one page with
    /// nothing on it.
    package static func paginate(_ index: AftercareIndex, perPage: Int) -> [AftercareListing] {
        precondition(perPage > 0, "a listing page lists at least one entry")
        let entryCount = index.entries.count
        let total = max(1, (entryCount + perPage - 1) / perPage)
        var treatments: [Treatment] = []
        var offset = 0
        for group in index.groups {
            treatments.append(Treatment(name: group.name, id: Slug.make(from: group.name),
                                        page: offset / perPage + 1, count: group.pages.count))
            offset += group.pages.count
        }
        var listings = (1...total).map { AftercareListing(number: $0, total: total, groups: [], treatments: treatments) }
        offset = 0
        for (group, treatment) in zip(index.groups, treatments) {
            var start = 0
            while start < group.pages.count {
                let page = (offset + start) / perPage
                let room = perPage - (offset + start) % perPage
                let end = min(group.pages.count, start + room)
                listings[page].groups.append(Group(treatment: treatment.name, id: treatment.id, continued: start > 0,
                                                   entries: group.pages[start..<end].map { index.entries[$0] }))
                start = end
            }
            offset += group.pages.count
        }
        return listings
    }

    /// The numbers of the listing pages the page links to, with `nil` for a gap: the first,
    /// the last and the two either side of this one (`1 … 4 5 [6] 7 8 … 20`). A gap of a
    /// single page shows that page instead.
    public var pageLinks: [Int?] {
        var shown = Set([1, total])
        for near in (number - 2)...(number + 2) where (1...total).contains(near) { shown.insert(near) }
        var links: [Int?] = []
        var previous = 0
        for page in shown.sorted() {
            if page - previous == 2 {
                links.append(previous + 1)
            } else if page - previous > 2 {
                links.append(nil)
            }
            links.append(page)
            previous = page
        }
        return links
    }
}
