import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicModel
@testable import ClinicOutput
@testable import ClinicBuild

/// The top-level entries of a YAML mapping as written (`clinic.yml`, a page's front matter, or
/// a nested mapping such as `hours`): each key with the text after its `:` up to the next key,
/// so an edit changes one entry and leaves every other line as it is.
struct YAMLEntries: Equatable {
    /// Lines before the first key (comments).
    var preamble = ""
    var entries: [Entry] = []

    struct Entry: Equatable {
        var key: String
        /// Everything after `key:`, its newline and its indented lines included.
        var raw: String
    }

    init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if let first = line.first, first.isLetter || first == "_", let colon = line.firstIndex(of: ":") {
                entries.append(Entry(key: String(line[..<colon]), raw: String(line[line.index(after: colon)...]) + "\n"))
            } else if entries.isEmpty {
                preamble += line + "\n"
            } else {
                entries[entries.count - 1].raw += line + "\n"
            }
        }
    }

    var text: String { preamble + entries.map { $0.key + ":" + $0.raw }.joined() }

    var keys: [String] { entries.map(\.key) }

    /// The entry's value when it is on the key's line.
    subscript(key: String) -> String? {
        entries.first { $0.key == key }.map { $0.raw.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Sets `key` to a value on its line, where it was (or last).
    mutating func set(_ key: String, _ value: String) {
        setRaw(key, " " + value + "\n")
    }

    /// Sets `key` to an indented block (a nested mapping or a list), `lines` without indent.
    mutating func set(_ key: String, block lines: [String]) {
        setRaw(key, "\n" + lines.map { "  " + $0 + "\n" }.joined())
    }

    mutating func setRaw(_ key: String, _ raw: String) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].raw = raw
        } else {
            entries.append(Entry(key: key, raw: raw))
        }
    }

    mutating func remove(_ key: String) {
        entries.removeAll { $0.key == key }
    }

    /// A nested mapping's entries (`hours`, `address`), read from its indented lines.
    func nested(_ key: String) -> YAMLEntries? {
        guard let raw = entries.first(where: { $0.key == key })?.raw, raw.hasPrefix("\n") else { return nil }
        let lines = raw.dropFirst().components(separatedBy: "\n").map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : $0 }
        return YAMLEntries(lines.joined(separator: "\n"))
    }

    mutating func set(_ key: String, nested: YAMLEntries) {
        var lines = nested.text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty { remove(key) } else { set(key, block: lines) }
    }

    /// A block list's entries (`closures`), one line each as the demo writes them (`- { … }`).
    func list(_ key: String) -> [String] {
        guard let raw = entries.first(where: { $0.key == key })?.raw, raw.hasPrefix("\n") else { return [] }
        return raw.components(separatedBy: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(2)) }
    }
}

/// A Markdown file: its front matter's entries and its body.
struct MarkdownFile: Equatable {
    var matter: YAMLEntries
    var body: String

    init(_ text: String) {
        if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
            matter = YAMLEntries(String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n")
            body = String(text[end.upperBound...])
        } else {
            matter = YAMLEntries("")
            body = text
        }
    }

    init(matter: YAMLEntries, body: String) {
        self.matter = matter
        self.body = body
    }

    var text: String { "---\n" + matter.text + "---\n" + body }
}

/// `faq.md`: its front matter, the introduction, and its sections of questions.
struct FAQFile: Equatable {
    struct Question: Equatable {
        var question: String
        var answer: String
    }

    struct Section: Equatable {
        var title: String
        var intro: String
        var questions: [Question]
    }

    var matter: YAMLEntries
    var intro: String
    var sections: [Section]

    init(_ text: String) {
        let file = MarkdownFile(text)
        matter = file.matter
        intro = ""
        sections = []
        for line in file.body.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                sections.append(Section(title: String(line.dropFirst(3)), intro: "", questions: []))
            } else if line.hasPrefix("### "), !sections.isEmpty {
                sections[sections.count - 1].questions.append(Question(question: String(line.dropFirst(4)), answer: ""))
            } else if sections.isEmpty {
                intro += line + "\n"
            } else if sections[sections.count - 1].questions.isEmpty {
                sections[sections.count - 1].intro += line + "\n"
            } else {
                let last = sections.count - 1
                sections[last].questions[sections[last].questions.count - 1].answer += line + "\n"
            }
        }
        func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        intro = trim(intro)
        for index in sections.indices {
            sections[index].intro = trim(sections[index].intro)
            for question in sections[index].questions.indices {
                sections[index].questions[question].answer = trim(sections[index].questions[question].answer)
            }
        }
    }

    var text: String {
        var body = intro.isEmpty ? "" : intro + "\n"
        for section in sections {
            body += "\n## \(section.title)\n\n"
            if !section.intro.isEmpty { body += section.intro + "\n\n" }
            for question in section.questions {
                body += "### \(question.question)\n\n"
                if !question.answer.isEmpty { body += question.answer + "\n\n" }
            }
        }
        return MarkdownFile(matter: matter, body: body).text
    }
}

/// Every source file of the site a random sequence of saves edits, as values: a copy of it is
/// the site as it was (the last state a clean build accepted), to go back to.
struct SiteFiles: Equatable {
    var clinic: YAMLEntries
    /// Nil while `content/faq.md` is deleted.
    var faq: FAQFile?
    /// Every other Markdown file by path: `content/index.md`, `content/*.md`, `content/aftercare/*.md`.
    var pages: [String: MarkdownFile]

    var texts: [String: String] {
        var texts = ["content/clinic.yml": clinic.text]
        if let faq { texts["content/faq.md"] = faq.text }
        for (path, page) in pages { texts[path] = page.text }
        return texts
    }
}

/// A seeded sequence of random saves on a copy of the demo site, each checked against a clean
/// build of the files as they then are. Every save edits the files as the saves before left
/// them, so fields differ from the demo's in many places at once; a save may change several
/// files (`update(changed:)` with all of them), and may break the site (a clean build fails):
/// the session must fail with a clean build's diagnostics and keep the last good build, and a
/// later save mends it (the file fixed, or put back as it was) and must give a clean build's
/// bytes again.
///
/// After every save the session's whole output (every path, every byte, photos included) and
/// its warnings are compared with a clean, sequential build's; with `deferring`, outputs left
/// for later are taken as a request for them would get them (every other save) or finished
/// first (the others).
final class RandomSiteSaves {
    /// How often each kind of file is edited (relative weights), and how often a save is a
    /// combined one: an aftercare page, `faq.md` and `clinic.yml` at once.
    struct Mix {
        var clinic = 1
        var faq = 1
        var home = 1
        var pages = 1
        var aftercare = 1
        /// One save in this many edits an aftercare page, the FAQ and clinic.yml at once (0: never).
        var combined = 6
    }

    let seed: UInt64
    let deferring: Bool
    let mix: Mix
    let folder: TemporaryFolder
    let site: String
    let session: TestSession
    private var generator: SplitMix
    /// The files as the saves left them.
    private(set) var files: SiteFiles
    /// The files of the last save a clean build accepted.
    private var good: SiteFiles
    /// What is on disk, path → text.
    private var written: [String: String]
    /// The FAQ as it was when deleted, to bring back.
    private var deletedFAQ: FAQFile?
    /// Pages deleted, to bring back.
    private var deletedPages: [String: MarkdownFile] = [:]
    /// Makes every new text, title and address different.
    private var counter = 0
    /// The clean build of the last save it accepted: what the session must hold after a failed one.
    private var lastGood: [String: [UInt8]] = [:]
    /// Whether a clean build of the files as they are fails.
    private(set) var broken = false
    /// What the run did: saves, those that failed, repairs, and files saved in all.
    private(set) var counts = (saves: 0, failed: 0, repairs: 0, files: 0)
    /// Whether the run made every save (it stops at the first output that differs).
    private(set) var completed = false

    static let today = Fixtures.today

    /// A copy of the demo site; `prepare` changes its files before the first build, and
    /// `aftercarePages` more aftercare pages with random front matter are added to it.
    init(seed: UInt64, deferring: Bool, mix: Mix = Mix(), aftercarePages: Int = 0, prepare: (inout SiteFiles) -> Void = { _ in }) throws {
        self.seed = seed
        self.deferring = deferring
        self.mix = mix
        generator = SplitMix(seed: seed)
        folder = try TemporaryFolder()
        site = try folder.copySite(nil)
        var pages: [String: MarkdownFile] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/content").sorted()
        where name.hasSuffix(".md") && name != "faq.md" {
            pages["content/" + name] = MarkdownFile(try folder.read("site-folder/content/" + name))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/content/aftercare").sorted() where name.hasSuffix(".md") {
            pages["content/aftercare/" + name] = MarkdownFile(try folder.read("site-folder/content/aftercare/" + name))
        }
        var files = SiteFiles(clinic: YAMLEntries(try folder.read("site-folder/content/clinic.yml")),
                              faq: FAQFile(try folder.read("site-folder/content/faq.md")), pages: pages)
        prepare(&files)
        self.files = files
        good = files
        written = [:]
        session = TestSession(folder: SiteFolder(site), options: BuildOptions(today: Self.today), deferring: deferring)
        for _ in 0..<aftercarePages { addAftercarePage(initial: true) }
        good = self.files
        // The files as printed from their values (the demo's, spacing aside, and what was added).
        for (path, text) in self.files.texts {
            let before = folder.exists("site-folder/" + path) ? try folder.read("site-folder/" + path) : nil
            if text != before { try folder.write(text, to: "site-folder/" + path) }
        }
        written = self.files.texts
    }

    var replay: String { TestSeed.replay(seed) + (deferring ? ", deferring" : "") }

    // MARK: Running

    /// Builds, then makes `steps` random saves, each checked against a clean build.
    /// `afterSave` sees each successful save's output before its outputs left for later are
    /// finished (the saved paths, the output, the step).
    func run(steps: Int, afterSave: (Set<String>, TestSession.Output, Int) throws -> Void = { _, _, _ in }) throws {
        let start = Self.clean(site)
        guard case .built(let first, _) = start else {
            if case .failed(let problems) = start { Issue.record("the site does not build at the start: \(problems.errors.prefix(3)); \(replay)") }
            return
        }
        do throws(BuildFailure) {
            _ = try session.build()
        } catch {
            Issue.record("the first build failed: \(error.diagnostics.errors.prefix(3)); \(replay)")
            return
        }
        _ = session.finishPending()
        #expect(Self.same(session.sink.files, first), "the first build is not a clean build's: \(replay)")
        lastGood = first
        var previousPaths = Set(first.keys)
        for step in 0..<steps {
            var changed: Set<String> = []
            for _ in 0..<3 where changed.isEmpty { changed = try save() }
            // Now and then an editor saves a file without changing it.
            if generator.next() % 10 == 0, let same = written.keys.sorted().randomElement(using: &generator) { changed.insert(same) }
            guard !changed.isEmpty else { continue }
            counts.saves += 1
            counts.files += changed.count
            let context = "\(replay), step \(step), saved \(changed.sorted())"
            let clean = Self.clean(site)
            let output: TestSession.Output
            do throws(BuildFailure) {
                output = try session.update(changed: changed.sorted())
            } catch {
                counts.failed += 1
                broken = true
                guard case .failed(let expected) = clean else {
                    Issue.record("the save failed, a clean build does not: \(error.diagnostics.errors.prefix(3)); \(context)")
                    return
                }
                #expect(error.diagnostics == expected, "the save's diagnostics are not a clean build's:\n\(Self.difference(error.diagnostics, expected))\n\(context)")
                #expect(Self.same(session.sink.files, lastGood), "a failed save changed the output: \(context)")
                continue
            }
            guard case .built(let expected, let warnings) = clean else {
                if case .failed(let problems) = clean {
                    Issue.record("a clean build fails, the save did not: \(problems.errors.prefix(3)); \(context)")
                }
                return
            }
            broken = false
            good = files
            try afterSave(changed, output, step)
            // Outputs left for later: as a request for them gets them, or finished first.
            let held: [String: [UInt8]]
            if deferring, step % 2 == 1 {
                var merged = output.files
                for part in [output.pending, output.pendingImages].compactMap({ $0 }) {
                    for path in part.paths { merged[path] = part.bytes(for: path) }
                }
                held = merged
            } else {
                _ = session.finishPending()
                held = session.sink.files
            }
            let paths = Set(held.keys)
            if !Self.same(held, expected) {
                Issue.record("the output is not a clean build's: \(Self.difference(held, expected)); \(context)")
                return
            }
            #expect(output.warnings == warnings, "the warnings are not a clean build's:\n\(Self.difference(output.warnings, warnings))\n\(context)")
            #expect(output.pageCount == paths.filter { $0.hasSuffix(".html") }.count, "\(context)")
            #expect(Set(output.removed) == previousPaths.subtracting(paths), "removed \(output.removed.sorted()), expected \(previousPaths.subtracting(paths).sorted()); \(context)")
            if !deferring { #expect(output.pending == nil && output.pendingImages == nil, "\(context)") }
            previousPaths = paths
            lastGood = expected
        }
        completed = true
        #expect(counts.failed <= counts.saves * 2 / 3, "\(counts.failed) of \(counts.saves) saves failed: too few tested a good site; \(replay)")
    }

    enum CleanBuild {
        case built([String: [UInt8]], warnings: [Diagnostic])
        case failed([Diagnostic])
    }

    /// A clean, sequential build of the folder into memory.
    static func clean(_ site: String) -> CleanBuild {
        let sink = MemorySink()
        do throws(BuildFailure) {
            let (_, report) = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: today, parallel: false),
                                                     images: .tests, into: sink)
            return .built(sink.files, warnings: report.warnings)
        } catch {
            return .failed(error.diagnostics)
        }
    }

    /// Whether two outputs have the same paths and bytes (compared as memory: element by
    /// element, a debug build took a quarter of the test's time over the photos' bytes).
    static func same(_ one: [String: [UInt8]], _ other: [String: [UInt8]]) -> Bool {
        one.count == other.count && one.allSatisfy { path, bytes in other[path].map { same(bytes, $0) } ?? false }
    }

    static func same(_ one: [UInt8], _ other: [UInt8]) -> Bool {
        one.count == other.count && one.withUnsafeBytes { left in other.withUnsafeBytes { right in left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
    }

    /// Which paths are missing, extra or different, and the first different line of one.
    static func difference(_ held: [String: [UInt8]], _ expected: [String: [UInt8]]) -> String {
        let missing = Set(expected.keys).subtracting(held.keys).sorted()
        let extra = Set(held.keys).subtracting(expected.keys).sorted()
        let different = Set(expected.keys).intersection(held.keys).filter { !Self.same(held[$0]!, expected[$0]!) }.sorted()
        var text = "missing \(missing), extra \(extra), different \(different)"
        if let path = different.first(where: { !PhotoFiles.isPhoto($0) }) ?? different.first {
            let mine = String(decoding: held[path]!, as: UTF8.self).components(separatedBy: "\n")
            let theirs = String(decoding: expected[path]!, as: UTF8.self).components(separatedBy: "\n")
            if let line = zip(mine, theirs).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
                text += "\n\(path) line \(line.offset + 1):\n  saved: \(line.element.0.prefix(300))\n  clean: \(line.element.1.prefix(300))"
            }
        }
        return text
    }

    static func difference(_ held: [Diagnostic], _ expected: [Diagnostic]) -> String {
        let mine = held.map(\.description)
        let theirs = expected.map(\.description)
        return "  the save's only: \(mine.filter { !theirs.contains($0) })\n  a clean build's only: \(theirs.filter { !mine.contains($0) })"
            + (Set(mine) == Set(theirs) ? "\n  (the same, in another order or count: \(mine.count) and \(theirs.count))" : "")
    }

    // MARK: Saves

    /// One save: a repair when the site is broken (half the time), else one to three edits of
    /// random files, or the combined save; writes what changed and returns its paths.
    private func save() throws -> Set<String> {
        if broken, !chance(3) {
            repair()
        } else if mix.combined > 0, chance(mix.combined) {
            editAftercare()
            editFAQ()
            editClinic()
        } else {
            for _ in 0..<int(1...3) {
                let weights = [mix.clinic, mix.faq, mix.home, mix.pages, mix.aftercare]
                var roll = int(0...(weights.reduce(0, +) - 1))
                let kind = weights.firstIndex { weight in
                    defer { roll -= weight }
                    return roll < weight
                }!
                switch kind {
                case 0: editClinic()
                case 1: editFAQ()
                case 2: editHome()
                case 3: editPage()
                default: editAftercare()
                }
            }
        }
        return try flush()
    }

    /// Writes the files that differ from what is on disk, deletes those that went.
    private func flush() throws -> Set<String> {
        let texts = files.texts
        var changed: Set<String> = []
        for path in Set(texts.keys).union(written.keys) where texts[path] != written[path] {
            if let text = texts[path] {
                try folder.write(text, to: "site-folder/" + path)
            } else {
                try FileManager.default.removeItem(atPath: site + "/" + path)
            }
            changed.insert(path)
        }
        written = texts
        return changed
    }

    /// Mends a broken site as a person would: puts back one or more of the files that differ
    /// from the last good save (all of them half the time), or drops what is broken in place.
    private func repair() {
        counts.repairs += 1
        if chance(3) {
            // In place: questions without an answer get one, and every FAQ section a page
            // names that the FAQ lacks is dropped.
            if var faq = files.faq {
                for section in faq.sections.indices {
                    for question in faq.sections[section].questions.indices where faq.sections[section].questions[question].answer.isEmpty {
                        faq.sections[section].questions[question].answer = paragraph()
                    }
                }
                files.faq = faq
            }
            let titles = Set((files.faq?.sections ?? []).map { $0.title.lowercased() })
            for (path, page) in files.pages where path.hasPrefix("content/aftercare/") {
                guard let raw = page.matter["faq"] else { continue }
                let kept = Self.flowList(raw).filter { titles.contains($0.lowercased().trimmingCharacters(in: .whitespaces)) }
                if kept.isEmpty { files.pages[path]!.matter.remove("faq") } else { files.pages[path]!.matter.set("faq", "[" + kept.joined(separator: ", ") + "]") }
            }
            return
        }
        let all = chance(2)
        let before = files
        if all || files.clinic != good.clinic, all || chance(2) { files.clinic = good.clinic }
        if all || files.faq != good.faq, all || chance(2) { files.faq = good.faq }
        for path in Set(files.pages.keys).union(good.pages.keys).sorted() where files.pages[path] != good.pages[path] {
            if all || chance(2) { files.pages[path] = good.pages[path] }
        }
        if files == before { files = good }
    }

    // MARK: clinic.yml

    static let photos = ["dune-grass", "green-leaf", "leaf-raindrops", "meadow", "orange-flower", "water-drop", "wood", "yellow-flower"]

    /// One to three fields of `clinic.yml` take random values; one save in eight breaks it.
    private func editClinic() {
        var clinic = files.clinic
        for _ in 0..<int(1...3) {
            switch int(0...22) {
            case 0: clinic.set("name", quoted(pick(["Willow Street Massage & Physiotherapy", "Willow Street Clinic", "Riverside \"Physio\" <Co>",
                                                     "Maya's Massage \(next())"])))
            case 1: setOrRemove(&clinic, "tagline", quoted(pick(["Massage in Riverside", "Physiotherapy & massage", "Tagline \(next())"])))
            case 2: setOrRemove(&clinic, "phone", quoted(pick(["+1 555 0100", "+1 555 0199", "555-01\(int(10...99))"])))
            case 3: setOrRemove(&clinic, "email", pick(["hello@willowstreet.example", "desk@riverside.example"]))
            case 4:
                if chance(4) { clinic.remove("description") } else if chance(2) {
                    clinic.setRaw("description", " >-\n  Registered massage therapists, edit \(next()).\n  Deep tissue & relaxation.\n")
                } else {
                    clinic.set("description", quoted("A clinic <b>description</b> \(next())"))
                }
            case 5: clinic.set("url", pick(["https://willowstreet.example/", "https://example.org/willow/", "https://Example.org/willow/riverside",
                                            "http://localhost:8080/"]))
            case 6: setOrRemove(&clinic, "language", pick(["en-CA", "en", "fr-CA"]))
            case 7: setOrRemove(&clinic, "kind", pick(["massage", "physiotherapy", "clinic", "Acupuncture"]))
            case 8:
                var address = clinic.nested("address") ?? YAMLEntries("")
                let field = pick(["street", "locality", "region", "postal_code", "country"])
                if chance(3) { address.remove(field) } else {
                    address.set(field, quoted(pick(["42 Willow Street, Suite \(int(1...9))", "Riverside", "ON", "K1A 0B\(int(1...9))", "CA"])))
                }
                if chance(8) { clinic.remove("address") } else { clinic.set("address", nested: address) }
            case 9:
                var hours = clinic.nested("hours") ?? YAMLEntries("")
                let day = pick(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
                if chance(4) { hours.remove(day) } else {
                    hours.set(day, quoted(pick(["09:00-17:00", "10:00-14:00", "08:30-12:00, 13:00-18:30", "closed", "11:00-19:00"])))
                }
                if chance(10) { clinic.remove("hours") } else { clinic.set("hours", nested: hours) }
            case 10:
                var closures = clinic.list("closures")
                if !closures.isEmpty, chance(3) { closures.remove(at: int(0...(closures.count - 1))) } else {
                    let (from, to) = days()
                    let note = chance(3) ? "" : ", note: \(pick(["Closed for training", "Holiday", "Renovation \(next())"]))"
                    closures.append(from == to ? "- { date: \(from)\(note) }" : "- { from: \(from), to: \(to)\(note) }")
                }
                if closures.isEmpty { clinic.remove("closures") } else { clinic.set("closures", block: closures) }
            case 11:
                var special = clinic.list("special_hours")
                if !special.isEmpty, chance(3) { special.remove(at: int(0...(special.count - 1))) } else {
                    let (day, _) = days()
                    special.append("- { date: \(day), hours: \"\(pick(["10:00-14:00", "09:00-13:00", "12:00-16:00"]))\", note: Special \(next()) }")
                }
                if special.isEmpty { clinic.remove("special_hours") } else { clinic.set("special_hours", block: special) }
            case 12: setOrRemove(&clinic, "aftercare_per_page", "\(int(1...5))")
            case 13:
                if chance(3) { clinic.remove("markdown") } else { clinic.set("markdown", block: ["unsafe_html: \(chance(2))"]) }
            case 14: setOrRemove(&clinic, "image", "media/\(pick(Self.photos)).jpg")
            case 15: setOrRemove(&clinic, "emergency", quoted("Call 911 now, edit \(next())."))
            case 16: setOrRemove(&clinic, "disclaimer", quoted("General information only, edit \(next())."))
            case 17: setOrRemove(&clinic, "booking_url", pick(["https://book.example/willow", "https://book.example/riverside"]))
            case 18:
                if chance(3) { clinic.remove("services") } else {
                    clinic.set("services", block: ["- name: \(pick(["Relaxation massage", "Cupping therapy"]))", "  price: \"$\(int(50...150))\"",
                                                   "  duration: \(pick(["45 min", "60 min"]))"]
                                            + (chance(2) ? ["  image: media/\(pick(Self.photos)).jpg"] : []))
                }
            case 19:
                if chance(3) { clinic.remove("practitioners") } else {
                    clinic.set("practitioners", block: ["- name: \(pick(["Maya Chen", "Daniel Okafor", "Sam Lee"]))", "  role: Registered Massage Therapist",
                                                        "  bio: \(quoted("Bio, edit \(next())."))"]
                                                 + (chance(3) ? ["  photo: { src: media/\(pick(Self.photos)).jpg, alt: \"A portrait\" }"] : []))
                }
            case 20: setOrRemove(&clinic, "map_url", pick(["https://maps.example/willow", "https://maps.example/riverside"]))
            case 21: setOrRemove(&clinic, "schema_type", pick(["MedicalClinic", "Physiotherapy"]))
            default: clinic.preamble += "# Edited \(next()).\n"
            }
        }
        if chance(8) {
            // A save that breaks it; a later save mends it.
            switch int(0...7) {
            case 0:
                var hours = clinic.nested("hours") ?? YAMLEntries("")
                hours.set("monday", "\"17:00-09:00\"")
                clinic.set("hours", nested: hours)
            case 1: clinic.set("url", "ftp://example.org/")
            case 2: clinic.remove("name")
            case 3: clinic.set("aftercare_per_page", "0")
            case 4: clinic.set("kind", "spaceship")
            case 5: clinic.set("tagline", "[unclosed")
            case 6: clinic.set("closures", block: clinic.list("closures") + ["- { from: 2026-12-10, to: 2026-12-02 }"])
            default: clinic.set("language", "\"en CA\"")
            }
        }
        files.clinic = clinic
    }

    // MARK: faq.md

    static let sectionTitles = ["After your massage", "Booking and frequency", "Hydration", "Your first visit", "Payment and insurance", "Cupping"]

    /// The FAQ's answers, introductions, sections and questions change; or it is deleted, or
    /// brought back.
    private func editFAQ() {
        guard var faq = files.faq else {
            files.faq = deletedFAQ ?? good.faq ?? FAQFile("---\ntitle: FAQ\n---\n## Hydration\n\n### Why water?\n\nIt helps.\n")
            return
        }
        if chance(20) {
            deletedFAQ = faq
            files.faq = nil
            return
        }
        for _ in 0..<int(1...2) {
            let count = faq.sections.count
            switch int(0...15) {
            case 0, 1, 12, 13, 14, 15:
                guard let (section, question) = randomQuestion(faq) else { break }
                faq.sections[section].questions[question].answer = chance(2)
                    ? faq.sections[section].questions[question].answer + " More, edit \(next())."
                    : paragraph()
            case 2: faq.intro = chance(4) ? "" : paragraph()
            case 3 where count > 0: faq.sections[int(0...(count - 1))].intro = chance(2) ? "" : paragraph()
            case 4 where count > 0 && chance(2):
                let free = Self.sectionTitles.filter { title in !faq.sections.contains { $0.title == title } }
                if let title = free.randomElement(using: &generator) { faq.sections[int(0...(count - 1))].title = title }
            case 5:
                let free = Self.sectionTitles.filter { title in !faq.sections.contains { $0.title == title } }
                if let title = free.randomElement(using: &generator) {
                    faq.sections.insert(FAQFile.Section(title: title, intro: chance(2) ? paragraph() : "",
                                                        questions: (0..<int(1...2)).map { _ in question() }), at: int(0...count))
                }
            case 6 where count > 0 && chance(2): faq.sections.remove(at: int(0...(count - 1)))
            case 7 where count > 0:
                let section = int(0...(count - 1))
                faq.sections[section].questions.insert(question(), at: int(0...faq.sections[section].questions.count))
            case 8:
                guard let (section, question) = randomQuestion(faq) else { break }
                faq.sections[section].questions.remove(at: question)
            case 9:
                guard let (section, question) = randomQuestion(faq) else { break }
                faq.sections[section].questions[question].question = "Question \(next())?"
            case 10:
                if chance(2) { setOrRemove(&faq.matter, "title", quoted("Questions & answers \(next())")) } else {
                    setOrRemove(&faq.matter, "summary", quoted("Answers, edit \(next())."))
                }
            case 11:
                guard let (section, question) = randomQuestion(faq) else { break }
                faq.sections[section].questions[question].answer += "\n\n![\(pick(["A meadow", "Wood"]))](/media/\(pick(Self.photos)).jpg)"
            default: break
            }
        }
        if chance(25), let (section, question) = randomQuestion(faq) {
            faq.sections[section].questions[question].answer = ""  // a question without an answer: an error
        }
        files.faq = faq
    }

    private func randomQuestion(_ faq: FAQFile) -> (Int, Int)? {
        let all = faq.sections.indices.flatMap { section in faq.sections[section].questions.indices.map { (section, $0) } }
        return all.isEmpty ? nil : all[int(0...(all.count - 1))]
    }

    private func question() -> FAQFile.Question {
        FAQFile.Question(question: "Question \(next())?", answer: paragraph())
    }

    // MARK: content/index.md and other pages

    /// The home page's introduction, title or summary change; now and then it goes, and comes back.
    private func editHome() {
        let path = "content/index.md"
        guard var home = files.pages[path] else {
            files.pages[path] = deletedPages.removeValue(forKey: path) ?? good.pages[path] ?? MarkdownFile("---\ntitle: Welcome\n---\nHello.\n")
            return
        }
        switch int(0...6) {
        case 0, 1: home.body = edited(home.body)
        case 2: setOrRemove(&home.matter, "title", quoted("Welcome \(next())"))
        case 3: setOrRemove(&home.matter, "summary", quoted("A summary, edit \(next())."))
        case 4: home.body += "\n![\(pick(["The front desk", "A leaf"]))](/media/\(pick(Self.photos)).jpg)\n"
        case 5:
            deletedPages[path] = home
            files.pages[path] = nil
            return
        default: home.body = paragraph() + "\n"
        }
        files.pages[path] = home
    }

    static let pageSlugs = ["about", "team", "visit-us", "hello", "contact", "contact-us"]

    /// Another page's body, title, menu position, address, summary, dates or draft flag
    /// change; or a page is added, deleted or brought back.
    private func editPage() {
        let existing = files.pages.keys.filter { $0.hasPrefix("content/") && !$0.hasPrefix("content/aftercare/") && $0 != "content/index.md" }.sorted()
        if existing.isEmpty || chance(7) {
            if let (path, page) = deletedPages.filter({ !$0.key.hasPrefix("content/aftercare/") && $0.key != "content/index.md" })
                .sorted(by: { $0.key < $1.key }).first, chance(2) {
                deletedPages[path] = nil
                files.pages[path] = page
            } else {
                counter += 1
                var matter = YAMLEntries("")
                matter.set("title", quoted("New page \(counter)"))
                if chance(2) { matter.set("menu", "\(int(0...4))") }
                if chance(3) { matter.set("slug", pick(Self.pageSlugs)) }
                files.pages["content/page-\(counter).md"] = MarkdownFile(matter: matter, body: paragraph() + "\n")
            }
            return
        }
        let path = pick(existing)
        var page = files.pages[path]!
        switch int(0...10) {
        case 0, 1: page.body = edited(page.body)
        case 2: page.matter.set("title", quoted(pick(["About us", "About the team", "Contact & directions", "Page \(next())"])))
        case 3: setOrRemove(&page.matter, "menu", "\(int(0...4))")
        case 4:
            // A move; now and then onto an address taken (an error) or reserved.
            setOrRemove(&page.matter, "slug", chance(12) ? pick(["faq", "aftercare", "media"]) : pick(Self.pageSlugs))
        case 5: setOrRemove(&page.matter, "summary", quoted("A page summary, edit \(next())."))
        case 6: setOrRemove(&page.matter, pick(["date", "updated"]), day(in: 2025...2026))
        case 7: if page.matter["draft"] == nil { page.matter.set("draft", "true") } else { page.matter.remove("draft") }
        case 8: page.body += "\n![\(pick(["The front desk", "A meadow"]))](/media/\(pick(Self.photos)).jpg)\n"
        case 9:
            if chance(3) {
                // Another template; now and then one the theme does not have (an error).
                setOrRemove(&page.matter, "template", chance(10) ? "brochure" : pick(["page", "contact"]))
            } else {
                setOrRemove(&page.matter, "image", "{ src: media/\(pick(Self.photos)).jpg, alt: \"A photo \(next())\" }")
            }
        default:
            deletedPages[path] = page
            files.pages[path] = nil
            return
        }
        files.pages[path] = page
    }

    // MARK: Aftercare pages

    static let aftercareSlugs = ["cupping-aftercare", "rest", "heat", "water", "sleep", "stretch", "ice"]

    /// An aftercare page's body or front matter (title, summary, treatment, tags, dates, draft,
    /// address, FAQ sections, photo) changes; or a page is added, deleted or brought back.
    private func editAftercare() {
        let existing = files.pages.keys.filter { $0.hasPrefix("content/aftercare/") }.sorted()
        if existing.isEmpty || chance(6) {
            if let (path, page) = deletedPages.filter({ $0.key.hasPrefix("content/aftercare/") }).sorted(by: { $0.key < $1.key }).first, chance(2) {
                deletedPages[path] = nil
                files.pages[path] = page
            } else {
                addAftercarePage()
            }
            return
        }
        let path = pick(existing)
        var page = files.pages[path]!
        if chance(10) {
            deletedPages[path] = page
            files.pages[path] = nil
            return
        }
        for _ in 0..<int(1...3) {
            if chance(3) { page.body = edited(page.body) } else { editFrontMatter(&page) }
        }
        files.pages[path] = page
    }

    /// A new aftercare page with random front matter (one in four with no paragraph, only a
    /// heading); `initial`: one the site starts with,
    /// at an address of its own, naming no FAQ section, not a draft and without `expires`.
    private func addAftercarePage(initial: Bool = false) {
        counter += 1
        var matter = YAMLEntries("")
        matter.set("title", quoted("\(pick(["Rest", "Heat", "Water", "Sleep", "Stretch"])) note \(counter)"))
        if initial {
            matter.set("slug", "start-\(counter)")
        } else if chance(2) {
            matter.set("slug", chance(2) ? pick(Self.aftercareSlugs) : "made-\(counter)")
        }
        // One in four has no paragraph, so its description is the clinic's.
        var page = MarkdownFile(matter: matter, body: (chance(4) ? "## Heading \(counter)" : paragraph()) + "\n")
        for _ in 0..<int(0...4) {
            let field = int(0...11)
            editFrontMatter(&page, field: initial && (7...10).contains(field) ? 11 : field)
        }
        files.pages["content/aftercare/\(initial ? "start" : "new")-\(counter).md"] = page
    }

    private func editFrontMatter(_ page: inout MarkdownFile, field: Int? = nil) {
        switch field ?? int(0...11) {
        case 0: page.matter.set("title", quoted("\(pick(["Rest", "Heat", "Water", "Sleep", "Stretch", "Cupping aftercare"])) \(next() % 5)"))
        case 1: setOrRemove(&page.matter, "summary", quoted("An aftercare summary, edit \(next())."))
        case 2: setOrRemove(&page.matter, "treatment", pick(["massage", "cupping", "hot stone", "Hot Stone", "physiotherapy"]))
        case 3:
            let tags = (0..<int(1...3)).map { _ in pick(["soreness", "heat", "sleep", "Heat", "hydration", "cupping"]) }
            setOrRemove(&page.matter, "tags", "[" + tags.joined(separator: ", ") + "]")
        case 4:
            // Some in the future (left out until then).
            setOrRemove(&page.matter, "date", day(in: 2025...2027))
        case 5: setOrRemove(&page.matter, "updated", day(in: 2026...2026))
        case 6:
            if chance(3) { setOrRemove(&page.matter, "reviewed_by", quoted(pick(["Maya Chen, RMT", "Priya Raman, MScPT"]))) } else {
                setOrRemove(&page.matter, "reviewed", day(in: 2025...2026))
            }
        case 7:
            if chance(3) {
                // Past days leave the page out; one before its `date` is an error.
                setOrRemove(&page.matter, "expires", day(in: 2026...2027))
            } else if page.matter["draft"] == nil { page.matter.set("draft", "true") } else { page.matter.remove("draft") }
        case 8:
            // A move; now and then onto another page's address (an error until one of them moves).
            setOrRemove(&page.matter, "slug", chance(3) ? pick(Self.aftercareSlugs) : "moved-\(next() % 1000)")
        case 9, 10:
            // The FAQ sections it shows: the FAQ's, written as they are or in another case,
            // now and then one it does not have (an error until it has it or the page lets go).
            let titles = (files.faq?.sections ?? []).map(\.title)
            var names = titles.filter { _ in chance(2) }.map { chance(4) ? $0.lowercased() : $0 }
            if chance(6) || titles.isEmpty { names.append(pick(Self.sectionTitles)) }
            if names.isEmpty { page.matter.remove("faq") } else { page.matter.set("faq", "[" + names.joined(separator: ", ") + "]") }
        default: setOrRemove(&page.matter, "image", "{ src: media/\(pick(Self.photos)).jpg, alt: \"A photo \(next())\" }")
        }
    }

    // MARK: Text

    /// A new paragraph of Markdown: text, emphasis, links, now and then raw HTML or a callout.
    private func paragraph() -> String {
        counter += 1
        var text = pick(["Drink water", "Rest well", "Stretch gently", "Call us"]) + " (edit \(counter))"
        switch int(0...6) {
        case 0: text += " with **care** and [the FAQ](/faq/)."
        case 1: text += " <span class=\"note\">& more</span>."
        case 2: text = "> [!NOTE]\n> " + text + "."
        case 3: text += ": see [the aftercare advice](/aftercare/) and `notes`."
        default: text += "."
        }
        return text
    }

    /// `body` with a paragraph added, replaced or removed, or a heading added; now and then
    /// only a heading (no first paragraph: the page's description is then the clinic's).
    private func edited(_ body: String) -> String {
        var paragraphs = body.components(separatedBy: "\n\n")
        switch int(0...4) {
        case 4 where chance(3): paragraphs = ["## Heading \(next() % 100)"]
        case 0 where paragraphs.count > 1: paragraphs[int(0...(paragraphs.count - 1))] = paragraph()
        case 1: paragraphs.insert("## Heading \(next() % 100)", at: int(0...paragraphs.count))
        case 2 where paragraphs.count > 2: paragraphs.remove(at: int(0...(paragraphs.count - 1)))
        default: paragraphs.append(paragraph())
        }
        return paragraphs.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }

    // MARK: Choices

    private func next() -> UInt64 { generator.next() % 10_000 }
    private func chance(_ oneIn: Int) -> Bool { generator.next() % UInt64(oneIn) == 0 }
    private func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
    private func pick<T>(_ values: [T]) -> T { generator.pick(values) }

    /// Sets `key` to `value`, or (one time in four) removes it.
    private func setOrRemove(_ entries: inout YAMLEntries, _ key: String, _ value: String) {
        if chance(4) { entries.remove(key) } else { entries.set(key, value) }
    }

    /// A YAML double-quoted string.
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func day(in years: ClosedRange<Int>) -> String {
        Self.iso(int(years), int(1...12), int(1...28))
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// One or a few days around the build's day (2026-11-01): past, within the notices' two
    /// weeks, within the listed 60 days, or later.
    private func days() -> (String, String) {
        let (year, month) = pick([(2026, 10), (2026, 11), (2026, 11), (2026, 12), (2027, 1), (2027, 2)])
        let first = int(1...26)
        let last = chance(2) ? first : first + int(1...2)
        return (Self.iso(year, month, first), Self.iso(year, month, last))
    }

    /// `[a, b]` → `a`, `b`.
    static func flowList(_ raw: String) -> [String] {
        raw.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
