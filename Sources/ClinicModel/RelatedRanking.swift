/// For ``RelatedPages``: the best `keep` pages offered since `start()`, by score then rank;
/// each page counted once.
struct RelatedRanking {
    let keep: Int
    private let rank: [Int]
    private var offeredIn: [Int32]
    private var round: Int32 = 0
    private(set) var best: [Int] = []
    private var bestScores: [Int] = []

    init(rank: [Int], keep: Int) {
        self.rank = rank
        self.keep = keep
        offeredIn = [Int32](repeating: 0, count: rank.count)
    }

    mutating func start() {
        round += 1
        best.removeAll(keepingCapacity: true)
        bestScores.removeAll(keepingCapacity: true)
    }

    func wasOffered(_ page: Int) -> Bool { offeredIn[page] == round }

    /// True when `keep` pages are kept and all score above `score`: no page scoring
    /// `score` or less can enter any more.
    func keepsOnlyAbove(_ score: Int) -> Bool {
        best.count == keep && bestScores[keep - 1] > score
    }

    mutating func offer(_ page: Int, _ score: Int) {
        guard offeredIn[page] != round else { return }
        offeredIn[page] = round
        guard score > 0 else { return }
        if best.count == keep {
            let lastScore = bestScores[keep - 1]
            if score < lastScore || (score == lastScore && rank[page] > rank[best[keep - 1]]) { return }
        }
        var position = best.count
        while position > 0 {
            let previous = best[position - 1]
            let previousScore = bestScores[position - 1]
            if score > previousScore || (score == previousScore && rank[page] < rank[previous]) {
                position -= 1
            } else {
                break
            }
        }
        guard position < keep else { return }
        best.insert(page, at: position)
        bestScores.insert(score, at: position)
        if best.count > keep {
            best.removeLast()
            bestScores.removeLast()
        }
    }
}
