import ClinicBase
/// The kind of practice, which picks the schema.org type and default wording.
public enum ClinicKind: String, Sendable, CaseIterable {
    case massage
    case physiotherapy
    case chiropractic
    case acupuncture
    case clinic

    /// The schema.org LocalBusiness subtype for this kind.
    public var schemaType: String {
        switch self {
        case .physiotherapy: "Physiotherapy"
        case .massage: "HealthAndBeautyBusiness"
        case .chiropractic, .acupuncture, .clinic: "MedicalBusiness"
        }
    }
}

/// A postal address.
public struct Address: Sendable, Equatable {
    public var street: String?
    public var locality: String?
    public var region: String?
    public var postalCode: String?
    public var country: String?

    /// The non-empty parts in reading order: street, locality, region and postal code, country.
    public var lines: [String] {
        var lines: [String] = []
        if let street { lines.append(street) }
        let town = [locality, [region, postalCode].compactMap { $0 }.joined(separator: " ")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        if !town.isEmpty { lines.append(town) }
        if let country { lines.append(country) }
        return lines
    }

    /// The address on one line.
    public var singleLine: String { lines.joined(separator: ", ") }
}

/// A practitioner at the clinic.
public struct Practitioner: Sendable, Equatable {
    public var name: String
    public var role: String?
    public var credentials: String?
    public var bio: String?
    /// `photo`: shown with the team, cropped square.
    public var photo: ImageReference? = nil
}

/// A treatment the clinic offers.
public struct Service: Sendable, Equatable {
    public var name: String
    public var duration: String?
    public var price: String?
    public var description: String?
    /// `image`: shown on the treatment's card.
    public var image: ImageReference? = nil
}

/// The clinic, from `content/clinic.yml`.
public struct Clinic: Sendable, Equatable {
    public var name: String
    public var tagline: String?
    public var kind: ClinicKind
    /// The schema.org type; from `kind` unless `schema_type` overrides it.
    public var schemaType: String
    public var url: SiteURL
    public var language: String
    public var description: String?
    public var phone: String?
    public var email: String?
    public var bookingURL: String?
    public var address: Address?
    /// An explicit map link; otherwise one is made from the address.
    public var mapURL: String?
    public var hours: OpeningHours?
    /// `closures` and `special_hours`: days whose hours differ from the weekly table.
    public var datedHours: [DatedHours] = []
    public var practitioners: [Practitioner]
    public var services: [Service]
    public var emergency: String?
    public var disclaimer: String?
    /// Links to the clinic's profiles elsewhere (schema.org `sameAs`).
    public var social: [String]
    /// Raw HTML in Markdown is kept only when this is true.
    public var unsafeHTML: Bool
    /// How often aftercare pages should be reviewed (`review_interval`, default 12 months).
    public var reviewInterval: ReviewInterval = .standard
    /// How many aftercare pages one page of the aftercare index lists (`aftercare_per_page`,
    /// default 50); a longer index continues on `/aftercare/page/2/` and so on.
    public var aftercarePerPage: Int = Clinic.defaultAftercarePerPage
    /// The default of ``aftercarePerPage``.
    public static let defaultAftercarePerPage = 50
    /// Where each top-level field's value is in `clinic.yml`, by field name (`phone`,
    /// `booking_url`), so later checks can point at it.
    public var fieldLocations: [String: SourceLocation] = [:]
    /// The file it came from, as messages show it.
    public var sourcePath: String = ""
    /// `image`: the clinic's photo (the home page's hero, `og:image`, JSON-LD `image`).
    public var image: ImageReference? = nil

    /// The phone number as a `tel:` URL (digits and a leading `+` only).
    public var phoneURL: String? {
        guard let phone else { return nil }
        var digits = ""
        for character in phone where character.isASCII && (character.isNumber || (character == "+" && digits.isEmpty)) {
            digits.append(character)
        }
        return digits.isEmpty ? nil : "tel:" + digits
    }

    /// A link to the address on OpenStreetMap (a plain link: no embedded map, no tracking).
    public var mapLink: String? {
        if let mapURL { return mapURL }
        guard let address, !address.lines.isEmpty else { return nil }
        return "https://www.openstreetmap.org/search?query=" + URLText.queryEncode(address.singleLine)
    }
}
