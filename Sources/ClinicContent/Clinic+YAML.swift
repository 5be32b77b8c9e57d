import ClinicBase
import Yams

extension Clinic {
    /// Reads `content/clinic.yml`. Returns the clinic (nil when a required field is missing
    /// or invalid) and every problem found, each at its line and column.
    public static func read(_ file: SourceFile) -> (Clinic?, [Diagnostic]) {
        let root: Node?
        do {
            root = try YAMLDocument.compose(file.text, in: file, firstLine: 1)
        } catch {
            return (nil, [error])
        }
        var fields = FieldReader(root, file: file, firstLine: 1, what: "clinic.yml")
        var diagnostics: [Diagnostic] = []
        func fail(_ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(location, message, stage: .frontMatter))
        }

        let name = fields.string("name", required: true)
        let tagline = fields.string("tagline")
        var kind = ClinicKind.clinic
        if let (value, place) = fields.locatedString("kind") {
            if let parsed = ClinicKind(rawValue: value.lowercased()) {
                kind = parsed
            } else {
                fail(place, "'kind' must be one of \(ClinicKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(value)'")
            }
        }
        var schemaType = kind.schemaType
        if let (value, place) = fields.locatedString("schema_type") {
            if value.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }), value.first?.isUppercase == true {
                schemaType = value
            } else {
                fail(place, "'schema_type' should be a schema.org type name such as MedicalClinic, not '\(value)'")
            }
        }
        var url: SiteURL?
        if let (value, place) = fields.locatedString("url", required: true) {
            url = SiteURL(value)
            if url == nil {
                fail(place, "'url' must be the site's full address starting with https:// (e.g. https://willowstreet.example/), without ?query or #fragment; got '\(value)'")
            }
        }
        var language = "en"
        if let (value, place) = fields.locatedString("language") {
            let valid = !value.isEmpty && value.count <= 35 && value.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }
            if valid { language = value } else { fail(place, "'language' should be a language tag such as en or en-CA, not '\(value)'") }
        }
        let description = fields.string("description")
        let phone = fields.string("phone")
        var email: String?
        if let (value, place) = fields.locatedString("email") {
            if URLText.isEmail(value) { email = value } else { fail(place, "'email' is not an email address: '\(value)'") }
        }
        let bookingURL = webURL(&fields, "booking_url", fail)
        let mapURL = webURL(&fields, "map_url", fail)
        let address: Address? = fields.mapping("address", what: "'address'") { reader in
            let address = Address(street: reader.string("street"), locality: reader.string("locality"),
                                  region: reader.string("region"), postalCode: reader.string("postal_code"),
                                  country: reader.string("country"))
            return address.lines.isEmpty ? nil : address
        }
        var hours: OpeningHours?
        if let pairs = fields.pairs("hours") {
            var byDay: [Weekday: [OpeningRange]] = [:]
            for pair in pairs {
                guard let weekday = Weekday(rawValue: pair.key.lowercased()) else {
                    fail(fields.location(of: pair.keyNode), "'\(pair.key)' is not a day of the week (use monday … sunday)")
                    continue
                }
                guard let text = fields.text(pair.value, name: "hours.\(pair.key)") else { continue }
                switch OpeningHours.parseDay(text) {
                case .success(let ranges): byDay[weekday] = ranges
                case .failure(let error): fail(fields.location(of: pair.value), "hours.\(pair.key): \(error.message)")
                }
            }
            hours = OpeningHours(days: Weekday.allCases.map { ($0, byDay[$0] ?? []) })
        }
        let (datedHours, datedProblems) = DatedHours.read(&fields)
        diagnostics += datedProblems
        let practitioners: [Practitioner] = fields.list("practitioners", what: "a practitioner") { reader in
            guard let name = reader.string("name", required: true) else { return nil }
            return Practitioner(name: name, role: reader.string("role"), credentials: reader.string("credentials"),
                                bio: reader.string("bio"), photo: reader.image("photo"))
        }
        let services: [Service] = fields.list("services", what: "a service") { reader in
            guard let name = reader.string("name", required: true) else { return nil }
            return Service(name: name, duration: reader.string("duration"), price: reader.string("price"),
                           description: reader.string("description"), image: reader.image("image"))
        }
        let emergency = fields.string("emergency")
        let disclaimer = fields.string("disclaimer")
        let image = fields.image("image")
        var social: [String] = []
        for (value, place) in fields.stringList("social") ?? [] {
            if URLText.isSafeWebURL(value) { social.append(value) } else { fail(place, "'social' links must be full https:// addresses, not '\(value)'") }
        }
        let unsafeHTML = fields.mapping("markdown", what: "'markdown'") { reader in reader.bool("unsafe_html") } ?? nil
        var reviewInterval = ReviewInterval.standard
        if let (value, place) = fields.locatedString("review_interval") {
            if let parsed = ReviewInterval(value) {
                reviewInterval = parsed
            } else {
                fail(place, "'review_interval' should be a number of months or years, such as '12 months' or '1 year', not '\(value)'")
            }
        }
        var aftercarePerPage = Clinic.defaultAftercarePerPage
        let perPagePlace = fields.node("aftercare_per_page").map(fields.location(of:))
        if let value = fields.int("aftercare_per_page"), let perPagePlace {
            if (1...10_000).contains(value) {
                aftercarePerPage = value
            } else {
                fail(perPagePlace, "'aftercare_per_page' should be a whole number from 1 to 10000 (how many aftercare pages one page of the aftercare index lists), not \(value)")
            }
        }
        let fieldLocations = fields.valueLocations
        fields.finish()
        diagnostics = fields.diagnostics + diagnostics

        guard let name, let url else { return (nil, diagnostics) }
        var clinic = Clinic(name: name, tagline: tagline, kind: kind, schemaType: schemaType, url: url, language: language,
                            description: description, phone: phone, email: email, bookingURL: bookingURL,
                            address: address, mapURL: mapURL, hours: hours, practitioners: practitioners,
                            services: services, emergency: emergency, disclaimer: disclaimer, social: social,
                            unsafeHTML: unsafeHTML ?? false, reviewInterval: reviewInterval, aftercarePerPage: aftercarePerPage,
                            fieldLocations: fieldLocations, sourcePath: file.path, image: image)
        clinic.datedHours = datedHours
        return (clinic, diagnostics)
    }

    private static func webURL(_ fields: inout FieldReader, _ key: String, _ fail: (SourceLocation, String) -> Void) -> String? {
        guard let (value, place) = fields.locatedString(key) else { return nil }
        guard URLText.isSafeWebURL(value) else {
            fail(place, "'\(key)' must be a full web address starting with https:// (or http://), not '\(value)'")
            return nil
        }
        return value
    }
}
