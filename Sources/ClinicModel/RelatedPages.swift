import ClinicBase
import ClinicContent
import ClinicMarkdown
/// For each aftercare page, up to three others for the same treatment or sharing tags:
/// scored 2 for the same treatment plus 1 per shared tag, ties broken by title (then slug).
///
/// Pages with the same treatment and tags (a signature) rank every other page alike, so the
/// ranking is computed once per signature and shared. Each ranking looks only at pages that
/// can score 2 or more: those with the treatment and a shared tag, those sharing two tags
/// (both from indexes built once, in rank order), and the first few with the treatment
/// alone. Scoring every page of a shared treatment or tag instead would be quadratic: at
/// 10,000 pages that took a quarter of a second, on every title edit in `serve`. When fewer
/// than enough pages score 2 (small sites), or a page has too many tags for the pair index,
/// the signature is ranked by scoring every page that shares anything with it.
package struct RelatedPages: Sendable {
    /// What ranking looks at for one page.
    package struct Key: Equatable, Sendable {
        package var treatment: String?
        package var tags: [String]
        package var title: String
        package var slug: String
    }

    /// `related[i]`: indices into `site.aftercare` of the pages related to page `i`, best first.
    package private(set) var related: [[Int]]
    /// How many related pages a page gets at most.
    package let limit: Int
    /// Each page's treatment (-1 for none) and sorted tags, as small integers (case-blind).
    private var treatment: [Int]
    private var tags: [[Int]]
    /// What each page was ranked by.
    private var keys: [Key]
    /// The integers of treatments and tags, by lowercased name.
    private var treatmentIDs: [String: Int]
    private var tagIDs: [String: Int]

    /// Above this many tags on any page, the tag-pair index is not built.
    package static let maximumIndexedTags = 8

    package init(_ pages: [Shared<AftercarePage>], limit: Int = 3) {
        self.init(keys: pages.map { Key($0.value) }, limit: limit)
    }

    package init(keys pages: [Key], limit: Int = 3) {
        let count = pages.count
        self.limit = limit
        // Treatments and tags (case-blind) as small integers; a page's tags sorted, unique.
        var treatmentIDs: [String: Int] = [:]
        var tagIDs: [String: Int] = [:]
        var treatment = [Int](repeating: -1, count: count)
        var tags: [[Int]] = []
        tags.reserveCapacity(count)
        for (index, page) in pages.enumerated() {
            if let name = page.treatment { treatment[index] = Self.id(name, in: &treatmentIDs) }
            tags.append(Set(page.tags.map { Self.id($0, in: &tagIDs) }).sorted())
        }
        self.treatment = treatment
        self.tags = tags
        self.treatmentIDs = treatmentIDs
        self.tagIDs = tagIDs
        self.keys = pages

        // Rank by (title, slug) once, so ties compare integers.
        let order = pages.indices.sorted { (pages[$0].title, pages[$0].slug) < (pages[$1].title, pages[$1].slug) }
        let postings = RelatedPostings(order: order, treatment: treatment, tags: tags, treatments: treatmentIDs.count, tagCount: tagIDs.count)
        // Pages with the same signature share one ranking.
        var signatureOf: [Int] = []
        signatureOf.reserveCapacity(count)
        var signatures: [[Int]: Int] = [:]
        var representative: [Int] = []
        for index in 0..<count {
            let key = [treatment[index]] + tags[index]
            if let existing = signatures[key] {
                signatureOf.append(existing)
            } else {
                signatures[key] = representative.count
                signatureOf.append(representative.count)
                representative.append(index)
            }
        }
        var rank = [Int](repeating: 0, count: count)
        for (position, index) in order.enumerated() { rank[index] = position }
        // One more than `limit`: a page's own signature ranks the page itself among the best.
        var ranking = RelatedRanking(rank: rank, keep: limit + 1)
        let ranked = representative.map { postings.best(for: $0, ranking: &ranking) }
        related = (0..<count).map { index in
            Array(ranked[signatureOf[index]].lazy.filter { $0 != index }.prefix(limit))
        }
    }

    /// The score of page `other` for page `page`: 2 for the same treatment, 1 per shared tag.
    private func score(_ page: Int, _ other: Int) -> Int {
        Self.score(page, other, treatment: treatment, tags: tags)
    }

    /// The score of page `other` for page `page`, from each page's treatment (-1 for none) and
    /// sorted tags.
    static func score(_ page: Int, _ other: Int, treatment: [Int], tags: [[Int]]) -> Int {
        let mine = tags[page], theirs = tags[other]
        var score = treatment[page] >= 0 && treatment[other] == treatment[page] ? 2 : 0
        var (left, right) = (0, 0)
        while left < mine.count, right < theirs.count {
            if mine[left] == theirs[right] {
                score += 1
                left += 1
                right += 1
            } else if mine[left] < theirs[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return score
    }

    /// A name's integer (case-blind), given a new one when first seen.
    private static func id(_ name: String, in ids: inout [String: Int]) -> Int {
        let name = name.lowercased()
        if let id = ids[name] { return id }
        ids[name] = ids.count
        return ids.count - 1
    }

    /// Updates the ranking, in place, after some pages got new keys at the same address (a
    /// new title, treatment or tags), and returns the pages whose list changed. The result is
    /// what ranking every page again gives (tested), at a fraction of the cost: only lists a
    /// changed page can enter or leave are looked at.
    package mutating func update(_ changes: [(index: Int, key: Key)]) -> Set<Int> {
        var before: [Int: [Int]] = [:]
        // One page at a time: each step is a ranking with exactly one page changed.
        for (changed, key) in changes where key != keys[changed] {
            precondition(key.slug == keys[changed].slug, "a page changed its address")
            keys[changed] = key
            for (page, list) in update(changed) where before[page] == nil { before[page] = list }
        }
        return Set(before.filter { related[$0.key] != $0.value }.keys)
    }

    /// Takes a new page at `index` (pages from `index` on move up by one) and returns the
    /// pages whose list changed, the new page's own among them when it has related pages.
    /// The result is what ranking every page again gives (tested).
    package mutating func insert(_ key: Key, at index: Int) -> Set<Int> {
        // First as a page that shares nothing, so in no list and with none of its own …
        treatment.insert(-1, at: index)
        tags.insert([], at: index)
        keys.insert(Key(treatment: nil, tags: [], title: key.title, slug: key.slug), at: index)
        related.insert([], at: index)
        for page in related.indices {
            for position in related[page].indices where related[page][position] >= index { related[page][position] += 1 }
        }
        // … then with its treatment and tags.
        return update([(index, key)])
    }

    /// Lets go of page `index` (pages after it move down by one) and returns the pages whose
    /// list changed (by their new index). The result is what ranking every page again gives
    /// (tested).
    package mutating func remove(at index: Int) -> Set<Int> {
        // First as a page that shares nothing, which leaves every list …
        var changed = update([(index, Key(treatment: nil, tags: [], title: keys[index].title, slug: keys[index].slug))])
        changed.remove(index)
        // … then gone.
        treatment.remove(at: index)
        tags.remove(at: index)
        keys.remove(at: index)
        related.remove(at: index)
        for page in related.indices {
            for position in related[page].indices where related[page][position] > index { related[page][position] -= 1 }
        }
        return Set(changed.map { $0 > index ? $0 - 1 : $0 })
    }

    /// Takes page `changed`'s new key (in `keys`; every other page as ranked); returns the
    /// pages whose list changed, with their lists before. Another page's
    /// list can change only if the changed page was in it or now scores for it: a list the page
    /// was in is ranked again by scoring every page (the page may now rank below one that was
    /// not kept); otherwise the page enters when it now ranks above the last entry. The page's
    /// own list changes only with its treatment or tags (the others keep their order).
    private mutating func update(_ changed: Int) -> [Int: [Int]] {
        let newTreatment = keys[changed].treatment.map { Self.id($0, in: &treatmentIDs) } ?? -1
        let newTags = Set(keys[changed].tags.map { Self.id($0, in: &tagIDs) }).sorted()
        let scoresChanged = newTreatment != treatment[changed] || newTags != tags[changed]
        treatment[changed] = newTreatment
        tags[changed] = newTags
        guard limit > 0 else { return [:] }
        var before: [Int: [Int]] = [:]
        func set(_ page: Int, _ list: [Int]) {
            guard list != related[page] else { return }
            before[page] = related[page]
            related[page] = list
        }
        func precedes(_ page: Int, _ pageScore: Int, _ other: Int, _ otherScore: Int) -> Bool {
            pageScore != otherScore ? pageScore > otherScore : (keys[page].title, keys[page].slug) < (keys[other].title, keys[other].slug)
        }
        // Pages with the same treatment and tags rank every page alike: one scan each. A
        // scan keeps one more than `limit`, as it counts the page itself.
        var scans: [[Int]: [Int]] = [:]
        func scanned(_ page: Int) -> [Int] {
            let signature = [treatment[page]] + tags[page]
            if let best = scans[signature] { return Array(best.lazy.filter { $0 != page }.prefix(limit)) }
            var best: [(page: Int, score: Int)] = []
            for other in keys.indices {
                let otherScore = score(page, other)
                guard otherScore > 0 else { continue }
                if best.count > limit, !precedes(other, otherScore, best[limit].page, best[limit].score) { continue }
                let position = best.firstIndex { !precedes($0.page, $0.score, other, otherScore) } ?? best.count
                best.insert((other, otherScore), at: position)
                if best.count > limit + 1 { best.removeLast() }
            }
            scans[signature] = best.map(\.page)
            return scanned(page)
        }
        for page in keys.indices where page != changed {
            let changedScore = score(page, changed)
            let list = related[page]
            if list.contains(changed) || (changedScore > 0 && list.count < limit) {
                set(page, scanned(page))
                continue
            }
            guard changedScore > 0 else { continue }
            let scores = list.map { score(page, $0) }
            guard precedes(changed, changedScore, list[limit - 1], scores[limit - 1]) else { continue }
            let position = list.indices.first { precedes(changed, changedScore, list[$0], scores[$0]) }!
            var updated = list
            updated.insert(changed, at: position)
            updated.removeLast()
            set(page, updated)
        }
        if scoresChanged { set(changed, scanned(changed)) }
        return before
    }

}

extension RelatedPages.Key {
    /// What ranking looks at of `page`.
    package init(_ page: borrowing AftercarePage) {
        self.init(treatment: page.treatment, tags: page.tags, title: page.title, slug: page.slug)
    }
}
