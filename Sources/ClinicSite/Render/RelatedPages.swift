/// For each aftercare page, up to three others for the same treatment or sharing tags:
/// scored 2 for the same treatment plus 1 per shared tag, ties broken by title.
///
/// Built once per site from integer indices (a page never scans every other page), so a
/// 10,000-page site costs milliseconds, not minutes.
struct RelatedPages: Sendable {
    /// `related[i]`: indices into `site.aftercare` of the pages related to page `i`, best first.
    let related: [[Int]]

    init(_ pages: [AftercarePage], limit: Int = 3) {
        var byTreatment: [String: [Int]] = [:]
        var byTag: [String: [Int]] = [:]
        var treatments: [String?] = []
        var tags: [[String]] = []
        for (index, page) in pages.enumerated() {
            let treatment = page.treatment?.lowercased()
            treatments.append(treatment)
            if let treatment { byTreatment[treatment, default: []].append(index) }
            let pageTags = Array(Set(page.tags.map { $0.lowercased() }))
            tags.append(pageTags)
            for tag in pageTags { byTag[tag, default: []].append(index) }
        }
        // Rank by (title, slug) once, so ties compare integers.
        let order = pages.indices.sorted { (pages[$0].title, pages[$0].slug) < (pages[$1].title, pages[$1].slug) }
        var rank = [Int](repeating: 0, count: pages.count)
        for (position, index) in order.enumerated() { rank[index] = position }

        var scores = [Int](repeating: 0, count: pages.count)
        var touched: [Int] = []
        var result: [[Int]] = []
        result.reserveCapacity(pages.count)
        for index in pages.indices {
            touched.removeAll(keepingCapacity: true)
            func add(_ other: Int, _ points: Int) {
                guard other != index else { return }
                if scores[other] == 0 { touched.append(other) }
                scores[other] += points
            }
            if let treatment = treatments[index] {
                for other in byTreatment[treatment]! { add(other, 2) }
            }
            for tag in tags[index] {
                for other in byTag[tag]! { add(other, 1) }
            }
            // Keep the best `limit` in order with an insertion step; no closures, no sorting.
            var best: [Int] = []
            best.reserveCapacity(limit + 1)
            for other in touched {
                let score = scores[other]
                var position = best.count
                while position > 0 {
                    let previous = best[position - 1]
                    let previousScore = scores[previous]
                    if score > previousScore || (score == previousScore && rank[other] < rank[previous]) {
                        position -= 1
                    } else {
                        break
                    }
                }
                if position < limit {
                    best.insert(other, at: position)
                    if best.count > limit { best.removeLast() }
                }
            }
            for other in touched { scores[other] = 0 }
            result.append(best)
        }
        related = result
    }
}
