/// What listings show of an aftercare page (the aftercare index, the home page's latest
/// advice, related pages).
struct ListingEntry: Equatable, Sendable {
    var title: String
    /// The page's address inside the site (`aftercare/cupping/`).
    var path: String
    var summary: String?
    /// The treatment as shown (`Hot stone`).
    var treatment: String?
    /// The newest of `updated` and `date`.
    var date: Day?

    init(_ page: AftercarePage) {
        title = page.title
        path = page.path
        summary = page.summary
        treatment = page.treatment.map(Site.displayTreatment)
        date = page.lastChanged
    }
}

/// One page of the aftercare index: the entries it lists, by treatment, and where it sits among
/// the others. The index lists `aftercare_per_page` entries per page: `/aftercare/`, then
/// `/aftercare/page/2/` and so on. Equal listings render the same page, so a rebuild renders
/// only the listing pages whose value changed.
struct AftercareListing: Equatable, Sendable {
    /// A treatment's entries on this page; `continued` when it began on an earlier page.
    struct Group: Equatable, Sendable {
        var treatment: String
        var id: String
        var continued: Bool
        var entries: [ListingEntry]
    }

    /// A treatment of the whole index: where its entries begin, and how many there are.
    struct Treatment: Equatable, Sendable {
        var name: String
        var id: String
        /// The number of the listing page its first entry is on.
        var page: Int
        var count: Int
    }

    /// 1 for `/aftercare/`.
    var number: Int
    /// How many listing pages there are.
    var total: Int
    var groups: [Group]
    /// Every treatment of the index, on every page (for the treatment links).
    var treatments: [Treatment]

    /// The output folder of listing page `number`.
    static func path(_ number: Int) -> String {
        number == 1 ? "aftercare/" : "aftercare/page/\(number)/"
    }

    var path: String { Self.path(number) }

    /// The entries of this page, in order.
    var entries: [ListingEntry] { groups.flatMap(\.entries) }

    /// Splits the index (treatments in order, each with its pages in order) into pages of
    /// `perPage` entries. An empty index is one page with nothing on it.
    static func paginate(_ byTreatment: [(treatment: String, pages: [AftercarePage])], perPage: Int) -> [AftercareListing] {
        precondition(perPage > 0, "a listing page lists at least one entry")
        let entryCount = byTreatment.reduce(0) { $0 + $1.pages.count }
        let total = max(1, (entryCount + perPage - 1) / perPage)
        var treatments: [Treatment] = []
        var offset = 0
        for group in byTreatment {
            treatments.append(Treatment(name: group.treatment, id: Slug.make(from: group.treatment),
                                        page: offset / perPage + 1, count: group.pages.count))
            offset += group.pages.count
        }
        var listings = (1...total).map { AftercareListing(number: $0, total: total, groups: [], treatments: treatments) }
        offset = 0
        for (group, treatment) in zip(byTreatment, treatments) {
            var start = 0
            while start < group.pages.count {
                let page = (offset + start) / perPage
                let room = perPage - (offset + start) % perPage
                let end = min(group.pages.count, start + room)
                listings[page].groups.append(Group(treatment: treatment.name, id: treatment.id, continued: start > 0,
                                                   entries: group.pages[start..<end].map(ListingEntry.init)))
                start = end
            }
            offset += group.pages.count
        }
        return listings
    }

    /// The numbers of the listing pages the page links to, with `nil` for a gap: the first,
    /// the last and the two either side of this one (`1 … 4 5 [6] 7 8 … 20`). A gap of a
    /// single page shows that page instead.
    var pageLinks: [Int?] {
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
