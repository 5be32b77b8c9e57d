import ClinicSiteTestSupport
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

@Suite("Related pages")
struct RelatedPagesTests {
    /// Names for random keys: case variants, a page without treatment, and a last one
    /// ("acupuncture", "new") that the random updates bring in.
    static let treatments: [String?] = ["massage", "Massage", "cupping", nil, "acupuncture"]
    static let tags = ["heat", "Heat", "ice", "sleep", "neck", "back", "new"]

    /// The definition, pair by pair: 2 for the same treatment, 1 per shared tag (case-blind),
    /// best score first, then title, then slug; at most `limit`; never the page itself.
    func reference(_ keys: [RelatedPages.Key], limit: Int = 3) -> [[Int]] {
        keys.indices.map { index in
            let mine = keys[index]
            let myTags = Set(mine.tags.map { $0.lowercased() })
            let scored: [(Int, Int)] = keys.indices.compactMap { other in
                guard other != index else { return nil }
                var score = Set(keys[other].tags.map { $0.lowercased() }).intersection(myTags).count
                if let treatment = mine.treatment?.lowercased(), keys[other].treatment?.lowercased() == treatment { score += 2 }
                return score > 0 ? (other, score) : nil
            }
            return scored.sorted { left, right in
                if left.1 != right.1 { return left.1 > right.1 }
                return (keys[left.0].title, keys[left.0].slug) < (keys[right.0].title, keys[right.0].slug)
            }.prefix(limit).map(\.0)
        }
    }

    @Test("ranking once per (treatment, tags) gives what scoring every pair gives")
    func matchesPairwise() {
        var generator = SplitMix(seed: 7)
        let treatments: [String?] = ["massage", "Massage", "cupping", "physiotherapy", nil, ""]
        let tags = ["heat", "Heat", "ice", "sleep", "neck", "back", "stress"]
        for size in [0, 1, 2, 5, 40, 300] {
            let keys = (0..<size).map { index in
                RelatedPages.Key(treatment: treatments[Int(generator.next() % UInt64(treatments.count))],
                                 tags: (0..<Int(generator.next() % 4)).map { _ in tags[Int(generator.next() % UInt64(tags.count))] },
                                 // Repeated titles: ties fall to the slug.
                                 title: "Note \(generator.next() % 50)", slug: "page-\(index)")
            }
            #expect(RelatedPages(keys: keys).related == reference(keys), "size \(size)")
            #expect(RelatedPages(keys: keys, limit: 1).related == reference(keys, limit: 1), "size \(size)")
        }
    }

    @Test("large groups (the indexed path) and a page with too many tags for the pair index (the full scan) agree with pairwise scoring",
          arguments: [false, true])
    func largeGroups(manyTags: Bool) {
        var generator = SplitMix(seed: manyTags ? 11 : 3)
        let treatments: [String?] = ["massage", "cupping", "physiotherapy", nil]
        let tags = (0..<12).map { "tag\($0)" }
        var keys = (0..<800).map { index in
            RelatedPages.Key(treatment: treatments[Int(generator.next() % UInt64(treatments.count))],
                             tags: (0..<Int(generator.next() % 6)).map { _ in tags[Int(generator.next() % UInt64(tags.count))] },
                             title: "Note \(generator.next() % 200)", slug: "page-\(index)")
        }
        if manyTags { keys[17].tags = Array(tags.prefix(RelatedPages.maximumIndexedTags + 1)) }
        #expect(RelatedPages(keys: keys).related == reference(keys))
    }

    @Test("pages with the treatment alone outrank, by title, pages sharing two tags for another treatment")
    func treatmentAloneVersusTagPairs() {
        var keys = [RelatedPages.Key(treatment: "massage", tags: ["a", "b"], title: "X", slug: "x")]
        keys += ["B1", "B2"].map { RelatedPages.Key(treatment: "cupping", tags: ["a", "b"], title: $0, slug: $0) }
        keys += ["A1", "A2", "A3", "A4"].map { RelatedPages.Key(treatment: "massage", tags: [], title: $0, slug: $0) }
        let related = RelatedPages(keys: keys).related
        #expect(related[0].map { keys[$0].title } == ["A1", "A2", "A3"])
        #expect(related == reference(keys))
    }

    @Test("after pages get new titles, treatments or tags, updating the ranking gives what ranking everything again gives",
          arguments: [1, 3])
    func updated(limit: Int) {
        var generator = SplitMix(seed: UInt64(40 + limit))
        let (treatments, tags) = (Self.treatments, Self.tags)
        func pick<T>(_ values: [T]) -> T { generator.pick(values) }
        for size in [1, 2, 4, 30, 120] {
            var keys = (0..<size).map { index in
                RelatedPages.Key(treatment: pick(Array(treatments.dropLast())), tags: (0..<Int(generator.next() % 4)).map { _ in pick(Array(tags.dropLast())) },
                                 title: "Note \(generator.next() % 40)", slug: "page-\(index)")
            }
            var ranking = RelatedPages(keys: keys, limit: limit)
            for _ in 0..<25 {
                // One to three pages change; a new title lands anywhere, ties included; some
                // take a treatment or tag no page had.
                var changes: [(index: Int, key: RelatedPages.Key)] = []
                for _ in 0..<Int(1 + generator.next() % 3) {
                    let index = Int(generator.next() % UInt64(size))
                    var key = changes.last { $0.index == index }?.key ?? keys[index]
                    switch generator.next() % 3 {
                    case 0: key.title = "Note \(generator.next() % 40)"
                    case 1: key.treatment = pick(treatments)
                    default: key.tags = (0..<Int(generator.next() % 4)).map { _ in pick(tags) }
                    }
                    changes.append((index, key))
                }
                let before = ranking.related
                let changed = ranking.update(changes)
                for (index, key) in changes { keys[index] = key }
                #expect(ranking.related == reference(keys, limit: limit), "size \(size), changes \(changes.map(\.index))")
                #expect(changed == Set(keys.indices.filter { before[$0] != ranking.related[$0] }))
            }
        }
    }

    @Test("pages coming and going (in slug order, anywhere in the list) give what ranking everything again gives",
          arguments: [1, 3])
    func insertedAndRemoved(limit: Int) {
        var generator = SplitMix(seed: UInt64(70 + limit))
        let (treatments, tags) = (Self.treatments, Self.tags)
        func pick<T>(_ values: [T]) -> T { generator.pick(values) }
        var made = 0
        func newKey() -> RelatedPages.Key {
            made += 1
            return RelatedPages.Key(treatment: pick(treatments), tags: (0..<Int(generator.next() % 4)).map { _ in pick(tags) },
                                    title: "Note \(generator.next() % 30)", slug: "page-\(made)")
        }
        for size in [0, 1, 3, 40] {
            var keys = (0..<size).map { _ in newKey() }
            var ranking = RelatedPages(keys: keys, limit: limit)
            for _ in 0..<40 {
                let before = ranking.related
                let changed: Set<Int>
                // Where each page was before (nil for the new one, or for the one that went).
                var old: [Int?]
                if keys.isEmpty || generator.next() % 2 == 0 {
                    let index = Int(generator.next() % UInt64(keys.count + 1))
                    let key = newKey()
                    changed = ranking.insert(key, at: index)
                    keys.insert(key, at: index)
                    old = Array(0..<index) + [nil] + Array(index..<(keys.count - 1))
                } else {
                    let index = Int(generator.next() % UInt64(keys.count))
                    changed = ranking.remove(at: index)
                    keys.remove(at: index)
                    old = Array(0..<index) + Array((index + 1)..<(keys.count + 1))
                }
                #expect(ranking.related == reference(keys, limit: limit), "size \(keys.count)")
                // A list changed when it names other pages than before.
                let expected = Set(keys.indices.filter { index in
                    guard let was = old[index] else { return !ranking.related[index].isEmpty }
                    return before[was] != ranking.related[index].map { old[$0] ?? -1 }
                })
                #expect(changed == expected)
            }
        }
    }

    @Test("pages that share one signature never list themselves")
    func sameSignature() {
        let keys = (0..<6).map { RelatedPages.Key(treatment: "massage", tags: ["heat"], title: "Same", slug: "p\($0)") }
        let related = RelatedPages(keys: keys).related
        #expect(related[0] == [1, 2, 3])
        #expect(related[2] == [0, 1, 3])
        #expect(related[5] == [0, 1, 2])
    }
}
