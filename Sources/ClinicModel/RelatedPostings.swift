/// For ``RelatedPages``: the pages of each treatment, tag, treatment and tag, and pair of tags,
/// each list in rank order: what ranking one signature looks at instead of every page.
struct RelatedPostings {
    let treatment: [Int]
    let tags: [[Int]]
    let tagCount: Int
    var byTreatment: [[Int]]
    var byTag: [[Int]]
    var byTreatmentTag: [Int: [Int]] = [:]
    var byTagPair: [Int: [Int]] = [:]
    /// False when a page has too many tags for the pair index (it is not built then).
    let pairIndex: Bool

    /// Filled by walking the pages in rank order (`order`).
    init(order: [Int], treatment: [Int], tags: [[Int]], treatments: Int, tagCount: Int) {
        self.treatment = treatment
        self.tags = tags
        self.tagCount = tagCount
        byTreatment = [[Int]](repeating: [], count: treatments)
        byTag = [[Int]](repeating: [], count: tagCount)
        pairIndex = tags.allSatisfy { $0.count <= RelatedPages.maximumIndexedTags }
        for index in order {
            let own = tags[index]
            if treatment[index] >= 0 { byTreatment[treatment[index]].append(index) }
            for tag in own {
                byTag[tag].append(index)
                if treatment[index] >= 0 { byTreatmentTag[treatment[index] * tagCount + tag, default: []].append(index) }
            }
            if pairIndex {
                for (position, first) in own.enumerated() {
                    for second in own[(position + 1)...] { byTagPair[first * tagCount + second, default: []].append(index) }
                }
            }
        }
    }

    /// The best pages for `page`'s signature, best first, the page itself among them.
    func best(for page: Int, ranking: inout RelatedRanking) -> [Int] {
        (pairIndex ? fromIndexes(page, &ranking) : nil) ?? byScanning(page, &ranking)
    }

    private func score(_ page: Int, _ other: Int) -> Int {
        RelatedPages.score(page, other, treatment: treatment, tags: tags)
    }

    /// Every page scoring 2 or more is offered, or ranks below `keep` offered pages that
    /// have the treatment alone (score 2) and an earlier title. Pages with the treatment and
    /// a shared tag come first (score 3 or more); the rest is skipped when it cannot reach
    /// the worst score kept. Nil when fewer than `keep` were found: pages scoring 1 were not
    /// offered and may then belong.
    private func fromIndexes(_ page: Int, _ ranking: inout RelatedRanking) -> [Int]? {
        let (myTreatment, myTags) = (treatment[page], tags[page])
        ranking.start()
        if myTreatment >= 0 {
            for tag in myTags {
                for other in byTreatmentTag[myTreatment * tagCount + tag] ?? [] { ranking.offer(other, score(page, other)) }
            }
        }
        // Sharing tags without the treatment scores at most the number of tags.
        if !ranking.keepsOnlyAbove(myTags.count) {
            for (position, first) in myTags.enumerated() {
                for second in myTags[(position + 1)...] {
                    for other in byTagPair[first * tagCount + second] ?? [] { ranking.offer(other, score(page, other)) }
                }
            }
        }
        if myTreatment >= 0, !ranking.keepsOnlyAbove(2) {
            var alone = 0
            for other in byTreatment[myTreatment] where !ranking.wasOffered(other) {
                ranking.offer(other, 2)
                alone += 1
                if alone == ranking.keep { break }
            }
        }
        return ranking.best.count == ranking.keep ? ranking.best : nil
    }

    /// Every page sharing the treatment or a tag, scored.
    private func byScanning(_ page: Int, _ ranking: inout RelatedRanking) -> [Int] {
        ranking.start()
        if treatment[page] >= 0 {
            for other in byTreatment[treatment[page]] { ranking.offer(other, score(page, other)) }
        }
        for tag in tags[page] {
            for other in byTag[tag] { ranking.offer(other, score(page, other)) }
        }
        return ranking.best
    }
}
