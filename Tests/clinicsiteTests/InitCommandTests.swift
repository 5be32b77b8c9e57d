import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("clinicsite init, as a program")
struct InitCommandTests {
    @Test("init makes a site that builds straight away, from any folder")
    func initThenBuild() throws {
        let scratch = try TemporaryFolder()
        let created = try Binary.run(["init", "riverside", "--name", "Riverside Massage", "--kind", "massage"], in: scratch.root)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("Created a site for Riverside Massage in riverside"))
        #expect(created.output.contains("2. clinicsite serve --site riverside     shows the site in your browser"), "\(created.output)")
        for path in ["content/clinic.yml", "content/index.md", "content/faq.md", "content/aftercare/after-your-massage.md",
                     "templates/base.mustache", "templates/assets/style.css", ".gitignore"] {
            #expect(scratch.exists("riverside/" + path), "missing \(path)")
        }
        let built = try Binary.run(["build", "--site", scratch.path("riverside")], in: "/")
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.errors.isEmpty)
        let home = try scratch.read("riverside/site/index.html")
        #expect(home.contains("Riverside Massage"))
        #expect(scratch.exists("riverside/site/aftercare/after-your-massage/index.html"))
        #expect(scratch.exists("riverside/site/faq/index.html"))
    }

    @Test("the theme init writes is the repository's templates/ folder, byte for byte")
    func themeIsTheRepositoryTheme() throws {
        let scratch = try TemporaryFolder()
        #expect(try Binary.run(["init", "clinic"], in: scratch.root).status == 0)
        let written = try FileTree.files(under: scratch.path("clinic/templates"))
        let repository = try FileTree.files(under: Repository.root + "/templates", includeHidden: false)
        #expect(!repository.isEmpty)
        #expect(Set(written.keys) == Set(repository.keys))
        for (path, bytes) in repository {
            #expect(written[path] == bytes, "templates/\(path) differs from the repository's")
        }
    }

    @Test("init refuses a folder that is not empty and leaves it as it was")
    func refusesNonEmpty() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("my notes", to: "busy/notes.txt")
        let result = try Binary.run(["init", "busy"], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("error: 'busy' is not empty (it has notes.txt)"))
        #expect(try scratch.files(under: "busy") == ["notes.txt": Data("my notes".utf8)])
    }

    @Test("a folder holding only .git counts as empty; --site works like DIR")
    func gitFolderIsFine() throws {
        let scratch = try TemporaryFolder()
        try scratch.write("[core]\n", to: "repo/.git/config")
        let result = try Binary.run(["init", "--site", "repo", "--kind", "physiotherapy"], in: scratch.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try scratch.read("repo/content/clinic.yml").contains("\nkind: physiotherapy\n"))
        #expect(scratch.exists("repo/content/aftercare/after-your-physiotherapy-session.md"))
        #expect(try Binary.run(["build"], in: scratch.path("repo")).status == 0)
    }

    @Test("a name with YAML's special characters survives into the built pages")
    func awkwardName() throws {
        let scratch = try TemporaryFolder()
        let name = "Q&A: \"Best\" Clinic #1"
        #expect(try Binary.run(["init", "site", "--name", name], in: scratch.root).status == 0)
        #expect(try Binary.run(["build", "--site", "site"], in: scratch.root).status == 0)
        let home = try scratch.read("site/site/index.html")
        #expect(home.contains("Q&amp;A: &quot;Best&quot; Clinic #1"))
    }

    @Test("the name defaults to the folder's; an unknown kind is refused")
    func defaultsAndValidation() throws {
        let scratch = try TemporaryFolder()
        #expect(try Binary.run(["init", "willow-street"], in: scratch.root).status == 0)
        #expect(try scratch.read("willow-street/content/clinic.yml").contains("\nname: Willow Street\n"))
        let wrong = try Binary.run(["init", "other", "--kind", "yoga"], in: scratch.root)
        #expect(wrong.status == 64, "ArgumentParser's status for a usage error")
        #expect(wrong.errors.hasPrefix("Error: The value 'yoga' is invalid for '--kind <kind>'. Please provide one of 'massage', 'physiotherapy', 'chiropractic', 'acupuncture' or 'clinic'."),
                "\(wrong.errors)")
        #expect(!scratch.exists("other"))
        // Capitals are fine, as before.
        #expect(try Binary.run(["init", "upper", "--kind", "Massage"], in: scratch.root).status == 0)
        #expect(try scratch.read("upper/content/clinic.yml").contains("\nkind: massage\n"))
    }

    @Test("init --help lists the kinds and the default")
    func helpListsKinds() throws {
        let help = try Binary.run(["init", "--help"], in: "/")
        #expect(help.status == 0)
        let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("--kind <kind> The kind of practice: the sample aftercare page's wording, and the type search engines are told. (values: massage, physiotherapy, chiropractic, acupuncture, clinic; default: clinic)"),
                "\(help.output)")
    }

    @Test("a new site checks clean except for the reminders to set url and review the sample")
    func checkAfterInit() throws {
        let scratch = try TemporaryFolder()
        #expect(try Binary.run(["init", "site"], in: scratch.root).status == 0)
        let check = try Binary.run(["check"], in: scratch.path("site"))
        #expect(check.status == 0)
        #expect(check.lines.count == 3, "\(check.output)")
        #expect(check.lines[0].hasPrefix("content/aftercare/after-your-treatment.md:1:1: warning: aftercare page never reviewed"))
        #expect(check.lines[1].hasPrefix("content/clinic.yml:16:6: warning: 'url' is still an example address"))
        #expect(try Binary.run(["check", "--strict"], in: scratch.path("site")).status == 1)
    }
}
