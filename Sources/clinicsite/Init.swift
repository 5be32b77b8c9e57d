import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring
import ClinicSiteTheme
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site that builds as it is.",
        discussion: """
        Writes content/clinic.yml (every field explained), content/index.md, content/faq.md, \
        a sample aftercare page and the default theme in templates/. DIR must be new or empty \
        (a .git folder is fine).
        """
    )

    @Argument(help: ArgumentHelp("The folder to create the site in (default: --site, or the current folder).", valueName: "dir"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("The site folder; the same as DIR.", valueName: "dir"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("The clinic's name (default: made from the folder's name).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("The kind of practice: the sample aftercare page's wording, and the type search engines are told.",
                                            valueName: "kind"))
    var kind: ClinicKind = .clinic

    func validate() throws {
        if let directory, let site, directory != site {
            throw ValidationError("give the folder once: either DIR or --site DIR")
        }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--name is empty")
        }
    }

    func run() throws {
        let folder = SiteFolder(directory ?? site ?? ".")
        let clinicName = name?.trimmingCharacters(in: .whitespaces) ?? SiteScaffold.name(fromFolder: folder.absolutePath)
        let theme = DefaultTheme.files.map { SiteScaffold.File(path: $0.path, bytes: $0.bytes) }
        do {
            let written = try SiteScaffold.create(in: folder, name: clinicName, kind: kind,
                                                  today: .today(), theme: theme)
            print("Created a site for \(clinicName) in \(folder.displayPath) (\(written.count) files).")
            let siteArgument = folder.displayPath == "." ? "" : " --site \(shellQuoted(folder.displayPath))"
            print("""
            Next:
              1. Edit \(folder.display("content/clinic.yml")): set 'url' to the address the site will live at, and fill in your details.
              2. clinicsite serve\(siteArgument)     shows the site in your browser, reloading on every save
              3. clinicsite check\(siteArgument)     finds broken links and advice due for review
              4. clinicsite build\(siteArgument)     builds the site into \(folder.display("site"))/ for your web host
              5. clinicsite new aftercare "Title"\(siteArgument)     starts a new aftercare page
              6. Push the folder to a GitHub repository: \(folder.display(PagesWorkflow.path)) publishes it on GitHub Pages
                 (turn Pages on once: Settings -> Pages -> Source: GitHub Actions)
            """)
        } catch {
            printError("error: \(error.message)")
            throw ExitCode.failure
        }
    }
}

/// `--kind massage`: ArgumentParser lists the kinds in `--help` and refuses any other with
/// its own error. Capitals are accepted (`--kind Massage`).
extension ClinicKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// `path` quoted for a POSIX shell when it needs it.
func shellQuoted(_ path: String) -> String {
    let safe = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }
    return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
