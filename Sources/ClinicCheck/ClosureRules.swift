import ClinicBase
import ClinicContent

/// The checks on `closures` and `special_hours` in `clinic.yml` beyond what a build requires:
/// an entry that is over (the site no longer shows it, so it can go), and a closure without a
/// `note` (patients see the dates but not why).
package enum ClosureRules {
    package static func check(_ clinic: Clinic, today: Day) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for entry in clinic.datedHours {
            if entry.to < today {
                let days = entry.from == entry.to ? entry.from.iso : "\(entry.from.iso) to \(entry.to.iso)"
                found.append(Diagnostic(entry.location, "'\(entry.field)' (\(days)) is over; it is no longer shown and can be removed",
                                        severity: .warning, stage: .check))
            }
            if entry.isClosure, entry.note == nil {
                found.append(Diagnostic(entry.location, "'\(entry.field)' has no 'note'; say why the clinic is closed (e.g. note: Closed for the holidays), it is shown with the dates",
                                        severity: .warning, stage: .check))
            }
        }
        return found
    }
}
