import ClinicBase

extension DatedHours {
    /// Reads `closures` and `special_hours` from `clinic.yml`'s fields. Each entry is checked
    /// on its own (real dates, `from` not after `to`, `hours` as the weekly table writes them),
    /// then all together: a day may be given twice only when both say the same (two closures,
    /// or the same special hours). Returns the entries, closures first, each list in file order,
    /// and every problem at its place.
    package static func read(_ fields: inout FieldReader) -> ([DatedHours], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let closures: [DatedHours] = fields.list("closures", what: "a closure") { reader in
            entry(&reader, field: "closures", hours: .closed, problems: &problems)
        }
        let special: [DatedHours] = fields.list("special_hours", what: "a special hours entry") { reader in
            guard let hours = specialHours(&reader, problems: &problems) else {
                _ = entry(&reader, field: "special_hours", hours: .closed, problems: &problems)
                return nil
            }
            return entry(&reader, field: "special_hours", hours: hours, problems: &problems)
        }
        let entries = closures + special
        return (entries, problems + disagreements(entries))
    }

    /// One entry's days and note: `date` for one day, or `from` and `to`.
    private static func entry(_ reader: inout FieldReader, field: String, hours: Hours, problems: inout [Diagnostic]) -> DatedHours? {
        let name = String(reader.prefix.dropLast())
        func fail(_ place: SourceLocation, _ message: String) {
            problems.append(Diagnostic(place, message, stage: .frontMatter))
        }
        let given = (date: reader.node("date") != nil, from: reader.node("from") != nil, to: reader.node("to") != nil)
        let date = reader.locatedDay("date")
        let from = reader.locatedDay("from")
        let to = reader.locatedDay("to")
        let note = reader.string("note")
        switch given {
        case (false, false, false):
            fail(reader.start, "'\(name)' needs a 'date' (one day) or 'from' and 'to' (several days)")
        case (true, _, _) where given.from || given.to:
            fail(reader.start, "'\(name)' gives both 'date' and '\(given.from ? "from" : "to")': use 'date' for one day, or 'from' and 'to' for several")
        case (false, true, false):
            fail(reader.start, "'\(name)' has 'from' but no 'to' (for one day, write 'date')")
        case (false, false, true):
            fail(reader.start, "'\(name)' has 'to' but no 'from' (for one day, write 'date')")
        default:
            break
        }
        if let (first, _) = from, let (last, place) = to, last < first {
            fail(place, "'\(name).to' (\(last.iso)) is before 'from' (\(first.iso))")
            return nil
        }
        guard let (first, _) = date ?? from, let (last, _) = date ?? to, given.date != (given.from || given.to) else { return nil }
        return DatedHours(from: first, to: last, hours: hours, note: note, field: name, location: reader.start)
    }

    /// A special hours entry's `hours`, in the weekly table's format.
    private static func specialHours(_ reader: inout FieldReader, problems: inout [Diagnostic]) -> Hours? {
        let name = reader.prefix + "hours"
        guard let (text, place) = reader.locatedString("hours", required: true) else { return nil }
        switch OpeningHours.parseDay(text) {
        case .success(let ranges) where ranges.isEmpty:
            problems.append(Diagnostic(place, "\(name): a day the clinic is closed goes under 'closures', not 'special_hours'",
                                       stage: .frontMatter))
            return nil
        case .success(let ranges):
            return .open(ranges)
        case .failure(let error):
            problems.append(Diagnostic(place, "\(name): \(error.message)", stage: .frontMatter))
            return nil
        }
    }

    /// Days given twice that disagree: a closure and special hours, or two special hours entries
    /// with different hours. Each problem is reported at the entry written later, naming the other
    /// (once for each entry, however many it disagrees with).
    static func disagreements(_ entries: [DatedHours]) -> [Diagnostic] {
        let order = entries.indices.sorted { (entries[$0].from, entries[$0].location) < (entries[$1].from, entries[$1].location) }
        var running: [Int] = []
        var blamed: Set<SourceLocation> = []
        var problems: [Diagnostic] = []
        for index in order {
            let entry = entries[index]
            running.removeAll { entries[$0].to < entry.from }
            if let other = running.first(where: { entries[$0].hours != entry.hours }) {
                let (earlier, later) = entries[other].location < entry.location ? (entries[other], entry) : (entry, entries[other])
                if blamed.insert(later.location).inserted {
                    problems.append(Diagnostic(later.location, disagreement(later, earlier, day: entry.from), stage: .frontMatter))
                }
            }
            running.append(index)
        }
        return problems
    }

    /// What `later` and `earlier` say differently about `day`.
    private static func disagreement(_ later: DatedHours, _ earlier: DatedHours, day: Day) -> String {
        let line = earlier.location.line
        let advice = "give each day once, closed or with its hours"
        switch (later.hours, earlier.hours) {
        case (.closed, _):
            return "'\(later.field)' closes \(day.iso), but '\(earlier.field)' (line \(line)) opens it \(earlier.hoursText): \(advice)"
        case (_, .closed):
            return "'\(later.field)' opens \(day.iso) \(later.hoursText), but '\(earlier.field)' (line \(line)) closes it: \(advice)"
        default:
            return "'\(later.field)' opens \(day.iso) \(later.hoursText), but '\(earlier.field)' (line \(line)) opens it \(earlier.hoursText): \(advice)"
        }
    }
}
