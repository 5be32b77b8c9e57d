/// For each aftercare page, up to three others for the same treatment or sharing tags:
/// scored 2 for the same treatment plus 1 per shared tag, ties broken by title (then slug).
///
/// Built once per site from integer indices. Pages with the same treatment and tags rank every
/// other page alike, so the ranking is computed once per distinct (treatment, tags) pair and
/// shared: a site where thousands of pages share a treatment costs milliseconds, not the
/// quadratic time of scoring every pair.
struct RelatedPages: Sendable {
    /// What ranking looks at for one page.
    struct Key: Sendable {
        var treatment: String?
        var tags: [String]
        var title: String
        var slug: String
    }

    /// `related[i]`: indices into `site.aftercare` of the pages related to page `i`, best first.
    let related: [[Int]]

    init(_ pages: [AftercarePage], limit: Int = 3) {
        self.init(keys: pages.map { Key(treatment: $0.treatment, tags: $0.tags, title: $0.title, slug: $0.slug) },
                  limit: limit)
    }

    init(keys pages: [Key], limit: Int = 3) {
        var byTreatment: [String: [Int]] = [:]
        var byTag: [String: [Int]] = [:]
        var treatments: [String?] = []
        var tags: [[String]] = []
        // Pages with the same signature share one ranking.
        var signatureOf: [Int] = []
        var signatures: [String: Int] = [:]
        var representative: [Int] = []
        for (index, page) in pages.enumerated() {
            let treatment = page.treatment?.lowercased()
            treatments.append(treatment)
            if let treatment { byTreatment[treatment, default: []].append(index) }
            let pageTags = Set(page.tags.map { $0.lowercased() }).sorted()
            tags.append(pageTags)
            for tag in pageTags { byTag[tag, default: []].append(index) }
            // Neither a treatment nor a tag contains U+0000 after YAML, but the key keeps
            // "no treatment" apart from an empty one all the same.
            let key = (treatment.map { "t" + $0 } ?? "-") + "\u{0}" + pageTags.joined(separator: "\u{0}")
            if let existing = signatures[key] {
                signatureOf.append(existing)
            } else {
                signatures[key] = representative.count
                signatureOf.append(representative.count)
                representative.append(index)
            }
        }
        // Rank by (title, slug) once, so ties compare integers.
        let order = pages.indices.sorted { (pages[$0].title, pages[$0].slug) < (pages[$1].title, pages[$1].slug) }
        var rank = [Int](repeating: 0, count: pages.count)
        for (position, index) in order.enumerated() { rank[index] = position }

        // One more than `limit`: a page's own signature ranks the page itself among the best.
        let keep = limit + 1
        var scores = [Int](repeating: 0, count: pages.count)
        var touched: [Int] = []
        var ranked: [[Int]] = []
        ranked.reserveCapacity(representative.count)
        for index in representative {
            touched.removeAll(keepingCapacity: true)
            func add(_ other: Int, _ points: Int) {
                if scores[other] == 0 { touched.append(other) }
                scores[other] += points
            }
            if let treatment = treatments[index] {
                for other in byTreatment[treatment]! { add(other, 2) }
            }
            for tag in tags[index] {
                for other in byTag[tag]! { add(other, 1) }
            }
            // Keep the best `keep` in order with an insertion step; no closures, no sorting.
            var best: [Int] = []
            best.reserveCapacity(keep + 1)
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
                if position < keep {
                    best.insert(other, at: position)
                    if best.count > keep { best.removeLast() }
                }
            }
            for other in touched { scores[other] = 0 }
            ranked.append(best)
        }
        related = pages.indices.map { index in
            Array(ranked[signatureOf[index]].lazy.filter { $0 != index }.prefix(limit))
        }
    }
}
