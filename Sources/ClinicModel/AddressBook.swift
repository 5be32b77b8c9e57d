import ClinicBase
import ClinicContent
import ClinicMarkdown
/// Hands out output addresses and refuses a second claim on one, naming both files.
package struct AddressBook {
    private var owners: [String: String] = [:]

    /// Addresses the site itself uses, so no page may take them.
    package init(reserved: [String: String]) {
        owners = reserved
    }

    /// Claims `path` for the file `owner`. Returns the error message when it is taken.
    package mutating func claim(_ path: String, by owner: String) -> String? {
        if let existing = owners[path] {
            return "this page's address /\(path) is already used by \(existing); give one of them a different 'slug'"
        }
        owners[path] = owner
        return nil
    }
}
