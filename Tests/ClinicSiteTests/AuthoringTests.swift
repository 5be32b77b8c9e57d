import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

@Suite("Authoring: new pages and new sites")
struct AuthoringTests {
    let today = Day(year: 2026, month: 11, day: 26)!

    @Test("titles with YAML's special characters read back exactly")
    func yamlQuoting() throws {
        for title in ["Cupping aftercare", "Q&A: after cupping", "\"Quoted\" advice", "#1 tip", "- dash first", "yes", "2026",
                      "Back \\ slash", "Ends with colon:", "Crème brûlée", "[Bracketed]", "50% off"] {
            let (path, text) = try NewContent.make(.aftercare, title: title, treatment: "cupping", today: today)
            #expect(path.hasPrefix("content/aftercare/"))
            let (document, diagnostics) = PageDocument.read(source(text, path: path), kind: .aftercare)
            #expect(diagnostics.isEmpty, "\(title): \(diagnostics)")
            #expect(document?.frontMatter.title == title)
            #expect(document?.frontMatter.treatment == "cupping")
            #expect(document?.frontMatter.date == today)
            #expect(document?.frontMatter.draft == true)
        }
    }

    @Test("the file name is the title's slug; a page may not take a name the site owns")
    func paths() throws {
        #expect(try NewContent.make(.aftercare, title: "Crème brûlée massage", treatment: nil, today: today).path == "content/aftercare/creme-brulee-massage.md")
        #expect(try NewContent.make(.page, title: "About us", treatment: nil, today: today).path == "content/about-us.md")
        for taken in ["Index", "FAQ", "Aftercare", "Media", "Assets"] {
            #expect(throws: AuthoringError.self) { try NewContent.make(.page, title: taken, treatment: nil, today: today) }
        }
        #expect(throws: AuthoringError.self) { try NewContent.make(.aftercare, title: "!!!", treatment: nil, today: today) }
        #expect(throws: AuthoringError.self) { try NewContent.make(.aftercare, title: "  ", treatment: nil, today: today) }
    }

    @Test("a new page reads without warnings; without --treatment the field is left as a comment")
    func pageText() throws {
        let (path, text) = try NewContent.make(.page, title: "About us", treatment: nil, today: today)
        let (document, diagnostics) = PageDocument.read(source(text, path: path), kind: .page)
        #expect(diagnostics.isEmpty)
        #expect(document?.frontMatter.date == today)
        #expect(document?.frontMatter.menu == nil)
        let (_, aftercare) = try NewContent.make(.aftercare, title: "Hot stones", treatment: nil, today: today)
        #expect(aftercare.contains("\n# treatment: "))
    }

    /// Turns on every optional field of the starter clinic.yml by removing the "# " in front
    /// of field lines (and their indented lines).
    func uncommented(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("# ") else { return String(line) }
            let rest = line.dropFirst(2)
            let trimmed = rest.drop(while: { $0 == " " })
            let key = trimmed.prefix(while: { ("a"..."z").contains($0) || $0 == "_" })
            let isField = (!key.isEmpty && trimmed.dropFirst(key.count).first == ":") || trimmed.hasPrefix("- ")
            return isField ? String(rest) : String(line)
        }.joined(separator: "\n")
    }

    @Test("the starter clinic.yml reads cleanly, and so does every example in it once switched on")
    func starterClinic() throws {
        let yaml = StarterContent.clinicYAML(name: "Willow & Co: Massage", kind: .massage)
        let (clinic, diagnostics) = Clinic.read(source(yaml, path: "content/clinic.yml"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(clinic?.name == "Willow & Co: Massage")
        #expect(clinic?.kind == .massage)
        #expect(clinic?.phone == nil)

        let everything = uncommented(yaml)
        let (full, fullDiagnostics) = Clinic.read(source(everything, path: "content/clinic.yml"))
        #expect(fullDiagnostics.isEmpty, "\(fullDiagnostics)")
        let clinic2 = try #require(full)
        #expect(clinic2.tagline != nil && clinic2.description != nil && clinic2.phone != nil && clinic2.email != nil)
        #expect(clinic2.bookingURL != nil && clinic2.mapURL != nil && clinic2.address != nil && clinic2.hours != nil)
        #expect(!clinic2.practitioners.isEmpty && !clinic2.services.isEmpty && !clinic2.social.isEmpty)
        #expect(clinic2.emergency != nil && clinic2.disclaimer != nil && clinic2.schemaType == "MedicalClinic")
        #expect(clinic2.datedHours.map(\.field) == ["closures[1]", "closures[2]", "special_hours[1]"])
        #expect(clinic2.image != nil && clinic2.practitioners.first?.photo != nil && clinic2.services.first?.image != nil)
        // Every field has a comment line right above it.
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where uncommented(String(line)) != String(line) || (!line.hasPrefix("#") && line.contains(":") && !line.hasPrefix(" ")) {
            let field = uncommented(String(line))
            guard !field.hasPrefix(" ") else { continue }
            let above = lines[index - 1]
            #expect(above.hasPrefix("# ") && uncommented(String(above)) == String(above), "no comment above \(line)")
        }
    }

    @Test("every kind of practice gets a sample aftercare page that reads cleanly")
    func starterPages() throws {
        for kind in ClinicKind.allCases {
            let files = StarterContent.files(name: "Clinic", kind: kind, today: today)
            #expect(files.count == 4)
            for file in files where file.path.hasSuffix(".md") {
                let text = String(decoding: file.bytes, as: UTF8.self)
                let pageKind: PageKind = file.path.hasPrefix("content/aftercare/") ? .aftercare
                    : file.path == "content/faq.md" ? .faq : .home
                let (document, diagnostics) = PageDocument.read(source(text, path: file.path), kind: pageKind)
                #expect(diagnostics.isEmpty, "\(kind) \(file.path): \(diagnostics)")
                #expect(document != nil)
            }
        }
    }

    @Test("SiteScaffold.name turns a folder name into a clinic name")
    func folderNames() {
        #expect(SiteScaffold.name(fromFolder: "/home/maya/willow-street") == "Willow Street")
        #expect(SiteScaffold.name(fromFolder: "riverside_physio/") == "Riverside Physio")
        #expect(SiteScaffold.name(fromFolder: "/") == "My Clinic")
    }
}
