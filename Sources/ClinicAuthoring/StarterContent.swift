import ClinicBase
import ClinicContent
/// The content `clinicsite init` writes: a commented `clinic.yml`, the home page introduction,
/// a starter FAQ and one sample aftercare page for the kind of practice.
package enum StarterContent {
    package static func files(name: String, kind: ClinicKind, today: Day) -> [SiteScaffold.File] {
        let treatment = Treatment(kind)
        return [
            file("content/clinic.yml", clinicYAML(name: name, kind: kind)),
            file("content/index.md", index(name: name)),
            file("content/faq.md", faq(treatment)),
            file("content/aftercare/\(treatment.sampleSlug).md", aftercare(treatment, today: today)),
        ]
    }

    private static func file(_ path: String, _ text: String) -> SiteScaffold.File {
        SiteScaffold.File(path: path, bytes: Array(text.utf8))
    }

    /// How the sample content names the treatment of each kind of practice.
    package struct Treatment {
        /// `massage`, `physiotherapy session`
        package var noun: String
        /// The `treatment:` of the sample page, or nil for a general clinic.
        package var field: String?

        package init(_ kind: ClinicKind) {
            switch kind {
            case .massage: (noun, field) = ("massage", "massage")
            case .physiotherapy: (noun, field) = ("physiotherapy session", "physiotherapy")
            case .chiropractic: (noun, field) = ("chiropractic adjustment", "chiropractic")
            case .acupuncture: (noun, field) = ("acupuncture session", "acupuncture")
            case .clinic: (noun, field) = ("treatment", nil)
            }
        }

        package var sampleTitle: String { "After your \(noun)" }
        package var sampleSlug: String { Slug.make(from: sampleTitle) }
    }

    /// `clinic.yml`: every field ClinicSite reads, each with a comment saying what it is,
    /// an example, and whether it is required. Optional fields are commented out; removing the
    /// `# ` in front of a field and its indented lines turns it on.
    package static func clinicYAML(name: String, kind: ClinicKind) -> String {
        """
        # Your clinic's details. ClinicSite shows them on every page and gives them to search
        # engines as schema.org data. Lines starting with # are comments.
        #
        # Optional fields are shown switched off, with an example: remove the "# " in front of the
        # field's line (and of its indented lines) and write your own value. Put quotes around a
        # value that starts with + or looks like a number or a time: phone: "+1 555 0100".

        # The clinic's name, as patients know it. Required.
        # Example: Willow Street Massage & Physiotherapy
        name: \(YAMLText.scalar(name))

        # The full address the site will be published at, starting with https://. Required.
        # Every link, the sitemap and the feed are made from it; it may include a sub-path.
        # Examples: https://www.willowstreet.ca/ or https://willowstreet.github.io/site/
        # README ("Publishing your site") says what it must be for each kind of web host.
        url: https://www.example.com/

        # The kind of practice: massage, physiotherapy, chiropractic, acupuncture or clinic.
        # Optional (default: clinic). It picks the schema.org type search engines see.
        kind: \(kind.rawValue)

        # The language of the pages, as a language tag. Optional (default: en).
        # Examples: en, en-CA, fr-CA
        language: en

        # How often a practitioner should review each aftercare page: a number of months or
        # years. Optional (default: 12 months). 'clinicsite check' warns about pages whose
        # 'reviewed' date is older than this. Examples: 6 months, 12 months, 2 years
        review_interval: 12 months

        # How many aftercare pages one page of the aftercare index lists; a longer index
        # continues on /aftercare/page/2/ and so on. Optional (default: 50).
        # aftercare_per_page: 50

        # A short line shown under the clinic's name. Optional.
        # tagline: Registered massage therapy in Riverside

        # One or two sentences for search results. Optional.
        # description: Registered massage therapists in Riverside, with aftercare advice for every treatment.

        # The phone number, as patients should dial it; quote it. Optional.
        # phone: "+1 555 0100"

        # The email address for enquiries. Optional.
        # email: hello@willowstreet.example

        # The online booking page: a full https:// address. Optional; shown as "Book an appointment".
        # booking_url: https://book.example/willow

        # The postal address, in parts; leave out the parts you do not need. Optional.
        # address:
        #   street: 42 Willow Street
        #   locality: Riverside
        #   region: ON
        #   postal_code: K1A 0B1
        #   country: CA

        # A link to a map of the address. Optional (default: an OpenStreetMap search for the address).
        # map_url: https://www.openstreetmap.org/search?query=42%20Willow%20Street%20Riverside

        # Opening hours: a day of the week, then "HH:MM-HH:MM" (several ranges separated by
        # commas) or closed. Quote the times. Days not listed are shown as closed. Optional.
        # hours:
        #   monday: "09:00-17:00"
        #   tuesday: "09:00-19:00"
        #   wednesday: "09:00-17:00"
        #   thursday: "11:00-19:00"
        #   friday: "09:00-12:00, 13:00-17:00"
        #   saturday: "10:00-14:00"
        #   sunday: closed

        # Days the clinic is closed, such as holidays: one day ('date') or several ('from' and
        # 'to', both included), each with a note saying why. Optional. The home page lists the
        # closures and special hours of the next 60 days above the opening hours; from 14 days
        # before a closure, every page shows a notice; once its last day has passed it is no
        # longer shown ('clinicsite check' says it can be removed). Enter the same days in your
        # Google Business Profile: Google shows the hours in search and on Maps from there.
        # closures:
        #   - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
        #   - { date: 2027-01-15, note: Staff training }

        # Days the clinic is open other hours than the week above: 'date' (or 'from' and 'to'),
        # 'hours' written as in the week above, and a note. Optional.
        # special_hours:
        #   - { date: 2026-12-31, hours: "09:00-13:00", note: New Year's Eve }

        # A photo of the clinic, a file in content/media/: the wide photo at the top of the home
        # page, and the picture search engines and shared links show. 'alt' says what it shows,
        # for patients who cannot see it. Photos are resized, and published without their
        # location or camera data. Optional.
        # image: { src: media/treatment-room.jpg, alt: The treatment room with a massage table by the window }

        # The people who treat patients: a name (required for each), and optionally a role,
        # credentials, a short bio and a photo (shown cropped square). Optional.
        # practitioners:
        #   - name: Maya Chen
        #     role: Registered Massage Therapist
        #     credentials: RMT
        #     bio: Maya has practised therapeutic and sports massage for twelve years.
        #     photo: { src: media/maya-chen.jpg, alt: Maya Chen }

        # The treatments offered: a name (required for each), and optionally a duration, a
        # price (quoted), a description and a photo. Optional.
        # services:
        #   - name: Relaxation massage
        #     duration: 60 min
        #     price: "$95"
        #     description: Gentle, flowing massage to ease stress and everyday tension.
        #     image: media/relaxation-massage.jpg

        # What to do in an emergency, shown in every page's footer. Optional.
        # emergency: If you have chest pain or trouble breathing, call 911 now.

        # A note shown with the aftercare advice. Optional.
        # disclaimer: This advice is general information and does not replace care from your doctor.

        # Links to the clinic's profiles on other sites, full https:// addresses. Optional.
        # social:
        #   - https://www.instagram.com/willowstreet.example

        # The schema.org type search engines see, instead of the one 'kind' picks. Optional.
        # schema_type: MedicalClinic

        # Markdown settings. Optional. unsafe_html: true keeps raw HTML written in Markdown
        # (default: false, which leaves it out).
        # markdown:
        #   unsafe_html: false

        """
    }

    package static func index(name: String) -> String {
        """
        ---
        # The home page: the text below appears under the clinic's name. Both fields are optional.
        title: \(YAMLText.scalar(name))
        summary: \(YAMLText.scalar("\(name): treatments, opening hours and aftercare advice."))
        ---
        Welcome to \(name). Tell visitors in a few sentences who you are, what you treat and how
        to book. This text is in content/index.md.

        After a treatment, read our [aftercare advice](/aftercare/) or the answers to
        [frequently asked questions](/faq/).

        """
    }

    package static func faq(_ treatment: Treatment) -> String {
        """
        ---
        title: Frequently asked questions
        summary: Answers to common questions about booking, visits and aftercare.
        ---
        Questions we hear often. Each ## heading starts a section and each ### heading is a
        question; its answer is the text below it. Aftercare pages can show a section with
        'faq: [After your treatment]' in their front matter.

        ## Booking and visits

        ### How do I book an appointment?

        Call us, email us, or book online. Tell us if it is your first visit so we can allow
        time to talk about your health history.

        ### What should I bring to my first appointment?

        A list of any medicines you take and anything your doctor has told you about your
        condition. Wear comfortable clothes.

        ## After your treatment

        ### Is it normal to feel sore after my \(treatment.noun)?

        Some tenderness for a day or two is common, especially after a first \(treatment.noun)
        or deeper work. It should ease a little each day.

        ### When should I contact you?

        If soreness gets worse instead of better after two or three days, or if you notice
        swelling, numbness or sharp pain, contact us or your doctor.

        """
    }

    package static func aftercare(_ treatment: Treatment, today: Day) -> String {
        var lines = [
            "---",
            "title: \(YAMLText.scalar(treatment.sampleTitle))",
            "summary: \(YAMLText.scalar("What is normal in the day or two after your \(treatment.noun), how to look after yourself, and when to contact us."))",
        ]
        if let field = treatment.field { lines.append("treatment: \(field)") }
        lines += [
            "date: \(today.iso)",
            "faq: [After your treatment]",
            "# reviewed: \(today.iso)         # the day a practitioner last checked this advice",
            "# reviewed_by: Name, credentials",
            "---",
        ]
        let body = """
        This is a sample aftercare page. Rewrite it in your own words, or delete it once you have
        written your own with 'clinicsite new aftercare "Title"'. Most people feel well after a
        \(treatment.noun); here is what to expect and how to look after yourself.

        ## The first day

        - **Drink water.** Staying hydrated helps your muscles recover.
        - **Take it easy.** Avoid hard exercise and heavy lifting for the rest of the day.
        - **Notice how you feel.** Mild tiredness or tenderness is common and usually passes
          within a day or two.

        ## The next few days

        Gentle movement, such as walking, helps more than rest alone. A warm shower or bath can
        ease stiffness. Any tenderness should ease a little each day.

        ## When to contact us

        Contact us or your doctor if pain gets worse instead of better after two or three days,
        or if you notice swelling, numbness or sharp pain. For chest pain, trouble breathing or
        sudden weakness, call your local emergency number straight away.

        """
        return lines.joined(separator: "\n") + "\n" + body
    }
}
