import ClinicBase
import ClinicContent

/// The clinic as templates read it (`site.*` on every page), from `clinic.yml`.
public struct ClinicView: Sendable, Equatable {
    /// One day of the weekly opening hours.
    public struct Day: Sendable, Equatable {
        /// `Monday`
        public var day: String
        /// `monday`
        public var key: String
        public var closed: Bool
        /// `09:00–17:00`, `09:00–12:00, 13:00–17:00` or `Closed`.
        public var text: String
        public var ranges: [Range]
        /// This day's dates in the next two weeks whose hours differ (closures, special hours).
        public var notes: [ClosuresView.DayNote] = []
    }

    /// One opening period.
    public struct Range: Sendable, Equatable {
        /// `09:00`
        public var opens: String
        public var closes: String
        /// True for the day's last period.
        public var isLast: Bool
    }

    /// The postal address.
    public struct Address: Sendable, Equatable {
        public var lines: [String]
        public var text: String
        public var street, locality, region, postalCode, country: String?
    }

    /// A practitioner.
    public struct Person: Sendable, Equatable {
        public var name: String
        public var role, credentials, bio: String?
        /// `photo`, cropped square.
        public var photo: PictureView? = nil
    }

    /// A treatment the clinic offers.
    public struct Service: Sendable, Equatable {
        public var name: String
        public var duration, price, description: String?
        /// `image`, cropped to 3:2.
        public var image: PictureView? = nil
    }

    public var name: String
    public var kind: String
    public var url: String
    public var language: String
    public var tagline, description, phone, phoneHref, email, emailHref, bookingURL, emergency, disclaimer: String?
    public var address: Address?
    public var mapURL: String?
    /// Monday to Sunday, when `clinic.yml` gives hours.
    public var hours: [Day]?
    public var practitioners: [Person]
    public var services: [Service]
    public var social: [String]
    /// `language` as an Open Graph locale (`en_CA`).
    public var ogLocale: String
    /// `image`: the home page's hero photo.
    public var image: PictureView? = nil

    /// The clinic's values as pages show them.
    public init(_ clinic: Clinic) {
        name = clinic.name
        kind = clinic.kind.rawValue
        url = clinic.url.description
        language = clinic.language
        tagline = clinic.tagline
        description = clinic.description
        phone = clinic.phone
        phoneHref = clinic.phoneURL
        email = clinic.email
        emailHref = clinic.email.map { "mailto:" + $0 }
        bookingURL = clinic.bookingURL
        emergency = clinic.emergency
        disclaimer = clinic.disclaimer
        address = clinic.address.map { address in
            Address(lines: address.lines, text: address.singleLine, street: address.street, locality: address.locality,
                    region: address.region, postalCode: address.postalCode, country: address.country)
        }
        mapURL = clinic.mapLink
        hours = clinic.hours.map { hours in
            hours.days.map { day in
                Day(day: day.weekday.name, key: day.weekday.rawValue, closed: day.ranges.isEmpty,
                    text: day.ranges.isEmpty ? "Closed" : day.ranges.map(\.text).joined(separator: ", "),
                    ranges: day.ranges.enumerated().map { position, range in
                        Range(opens: range.opens.description, closes: range.closes.description,
                              isLast: position == day.ranges.count - 1)
                    })
            }
        }
        practitioners = clinic.practitioners.map { Person(name: $0.name, role: $0.role, credentials: $0.credentials, bio: $0.bio) }
        services = clinic.services.map { Service(name: $0.name, duration: $0.duration, price: $0.price, description: $0.description) }
        social = clinic.social
        ogLocale = String(clinic.language.map { $0 == "-" ? "_" : $0 })
    }
}
