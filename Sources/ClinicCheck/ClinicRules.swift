import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// The checks on `clinic.yml` beyond what a build requires: a phone number or booking link
/// that looks wrong, and an address still set to an example domain.
package enum ClinicRules {
    /// Domains reserved for examples (RFC 2606) that `clinicsite init` writes until the owner
    /// sets the real address.
    package static let exampleHosts: Set<String> = ["example.com", "www.example.com", "example.org", "www.example.org",
                                            "example.net", "www.example.net"]

    package static func check(_ clinic: Clinic, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func place(_ key: String) -> SourceLocation {
            clinic.fieldLocations[key] ?? SourceLocation(path: file)
        }
        if let problem = phoneProblem(clinic.phone) {
            found.append(warning(place("phone"), problem))
        }
        if let booking = clinic.bookingURL, let problem = webAddressProblem(booking, field: "booking_url") {
            found.append(warning(place("booking_url"), problem))
        }
        if exampleHosts.contains(host(of: clinic.url.description)) {
            found.append(warning(place("url"), "'url' is still an example address (\(clinic.url)); set it to the address the site will be published at (README: \"Publishing your site\")"))
        }
        return found
    }

    /// Why a phone number looks malformed, or nil: it should be digits with spaces, dashes,
    /// dots, slashes or brackets, an optional leading `+`, 6 to 15 digits (the most any
    /// international number has), and optionally an extension (`ext. 12`, `x12`).
    package static func phoneProblem(_ phone: String?) -> String? {
        guard let phone else { return nil }
        var number = Substring(phone.trimmingWhitespace().lowercased())
        for marker in [" ext. ", " ext ", " x", ";ext="] {
            if let range = number.firstRange(of: marker), number[range.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber }),
               !number[range.upperBound...].isEmpty {
                number = number[..<range.lowerBound]
                break
            }
        }
        let allowed = Set(" -./()\u{A0}")
        var digits = 0
        for (offset, character) in number.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "+" {
                if offset != 0 { return "'phone' has a '+' that is not at the start: '\(phone)'" }
            } else if !allowed.contains(character) {
                return "'phone' does not look like a phone number: '\(phone)' has '\(character)'; write digits with spaces or dashes, e.g. +1 555 0100"
            }
        }
        if digits < 6 {
            return "'phone' has only \(digits) digit\(digits == 1 ? "" : "s"): '\(phone)'; include the area code, e.g. +1 555 0100"
        }
        if digits > 15 {
            return "'phone' has \(digits) digits, more than any phone number (15 at most): '\(phone)'"
        }
        return nil
    }

    /// Why a web address a visitor will follow looks wrong, or nil: plain `http://`, or a host
    /// that is not a domain name.
    package static func webAddressProblem(_ url: String, field: String) -> String? {
        let host = host(of: url)
        if url.lowercased().hasPrefix("http://") {
            return "'\(field)' uses http://, which browsers mark as not secure; use the https:// address"
        }
        let isIPv4 = host.split(separator: ".").count == 4 && host.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
        if !host.contains("."), !host.hasPrefix("["), !isIPv4 {
            return "'\(field)' has no domain name ('\(host)'); it should be a full address such as https://book.example.com/clinic"
        }
        if host.hasSuffix(".") || host.contains("..") || host.hasPrefix(".") {
            return "'\(field)' has a malformed domain name ('\(host)')"
        }
        if exampleHosts.contains(host) {
            return "'\(field)' is still an example address ('\(url)')"
        }
        return nil
    }

    /// The lowercased host of an `http`/`https` URL, without user, port or path.
    package static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if !rest.hasPrefix("["), let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return rest.lowercased()
    }

    private static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(location, message, severity: .warning, stage: .check)
    }
}
