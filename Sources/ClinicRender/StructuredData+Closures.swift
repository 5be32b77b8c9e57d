import ClinicBase
import ClinicContent

extension StructuredData {
    /// `specialOpeningHoursSpecification` for the closures and special hours not over yet
    /// (nil when there are none): one `OpeningHoursSpecification` per opening period, valid
    /// from the entry's first day through its last; a closed day opens and closes at `00:00`,
    /// as Google's LocalBusiness documentation writes it.
    static func specialOpeningHours(_ entries: [DatedHours]) -> JSONValue? {
        guard !entries.isEmpty else { return nil }
        var specifications: [JSONValue] = []
        for entry in entries {
            let periods = entry.isClosure
                ? [("00:00", "00:00")]
                : entry.ranges.map { ($0.opens.description, $0.closes.description) }
            for (opens, closes) in periods {
                specifications.append([
                    "@type": "OpeningHoursSpecification",
                    "opens": .string(opens),
                    "closes": .string(closes),
                    "validFrom": .string(entry.from.iso),
                    "validThrough": .string(entry.to.iso),
                ])
            }
        }
        return .array(specifications)
    }
}
