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
        let kind = parsed(&fields, "kind", fail, { ClinicKind(rawValue: $0.lowercased()) }) {
            "'kind' must be one of \(ClinicKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\($0)'"
        } ?? .clinic
        let schemaType = parsed(&fields, "schema_type", fail, { $0.isSchemaTypeName ? $0 : nil }) {
            "'schema_type' should be a schema.org type name such as MedicalClinic, not '\($0)'"
        } ?? kind.schemaType
        let url = parsed(&fields, "url", required: true, fail, SiteURL.init) {
            "'url' must be the site's full address starting with https:// (e.g. https://willowstreet.example/), without ?query or #fragment; got '\($0)'"
        }
        let language = parsed(&fields, "language", fail, { $0.isLanguageTag ? $0 : nil }) {
            "'language' should be a language tag such as en or en-CA, not '\($0)'"
        } ?? "en"
        let description = fields.string("description")
        let phone = fields.string("phone")
        let email = parsed(&fields, "email", fail, { URLText.isEmail($0) ? $0 : nil }) { "'email' is not an email address: '\($0)'" }
        let bookingURL = webURL(&fields, "booking_url", fail)
        let mapURL = webURL(&fields, "map_url", fail)
        let address: Address? = fields.mapping("address", what: "'address'") { reader in
            let address = Address(street: reader.string("street"), locality: reader.string("locality"),
                                  region: reader.string("region"), postalCode: reader.string("postal_code"),
                                  country: reader.string("country"))
            return address.lines.isEmpty ? nil : address
        }
        let hours = weeklyHours(&fields, fail)
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
        let reviewInterval = parsed(&fields, "review_interval", fail, ReviewInterval.init) {
            "'review_interval' should be a number of months or years, such as '12 months' or '1 year', not '\($0)'"
        } ?? .standard
        let aftercarePerPage = perPage(&fields, fail)
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

    /// The value of `key` when `parse` takes it (nil when it is not given); else an error at
    /// the value, `problem(value)`, and nil.
    private static func parsed<Value>(_ fields: inout FieldReader, _ key: String, required: Bool = false,
                                      _ fail: (SourceLocation, String) -> Void, _ parse: (String) -> Value?,
                                      problem: (String) -> String) -> Value? {
        guard let (value, place) = fields.locatedString(key, required: required) else { return nil }
        if let result = parse(value) { return result }
        fail(place, problem(value))
        return nil
    }

    /// `hours`: a time range list for each day of the week given (the others closed).
    private static func weeklyHours(_ fields: inout FieldReader, _ fail: (SourceLocation, String) -> Void) -> OpeningHours? {
        guard let pairs = fields.pairs("hours") else { return nil }
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
        return OpeningHours(days: Weekday.allCases.map { ($0, byDay[$0] ?? []) })
    }

    /// `aftercare_per_page`, from 1 to 10,000.
    private static func perPage(_ fields: inout FieldReader, _ fail: (SourceLocation, String) -> Void) -> Int {
        guard let place = fields.node("aftercare_per_page").map(fields.location(of:)), let value = fields.int("aftercare_per_page") else {
            return Clinic.defaultAftercarePerPage
        }
        guard (1...10_000).contains(value) else {
            fail(place, "'aftercare_per_page' should be a whole number from 1 to 10000 (how many aftercare pages one page of the aftercare index lists), not \(value)")
            return Clinic.defaultAftercarePerPage
        }
        return value
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

private extension String {
    /// A schema.org type name: ASCII letters, the first upper case (`MedicalClinic`).
    var isSchemaTypeName: Bool {
        unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic } && first?.isUppercase == true
    }

    /// A language tag such as `en` or `en-CA`: ASCII letters, digits and hyphens, 1 to 35 of them.
    var isLanguageTag: Bool {
        !isEmpty && count <= 35 && unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
        }
    }
}
