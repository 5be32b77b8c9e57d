import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new aftercare page or page, as a draft.",
        discussion: """
        Writes the file with its front matter filled in (title, date today, draft: true) and a \
        short outline, prints its path, and never overwrites a file.
        """,
        subcommands: [NewAftercare.self, NewPage.self]
    )
}

struct NewAftercare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftercare",
        abstract: "Start content/aftercare/<title-as-slug>.md."
    )

    @Argument(help: ArgumentHelp("The page's title, e.g. \"Cupping aftercare\".", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("The treatment it is about, e.g. cupping (groups the aftercare index).", valueName: "name"))
    var treatment: String?

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        try createContent(.aftercare, title: title, treatment: treatment, site: siteOptions.site)
    }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Start content/<title-as-slug>.md, a page such as About us."
    )

    @Argument(help: ArgumentHelp("The page's title, e.g. \"About us\".", valueName: "title"))
    var title: String

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        try createContent(.page, title: title, treatment: nil, site: siteOptions.site)
    }
}

private func createContent(_ kind: NewContent.Kind, title: String, treatment: String?, site: String) throws {
    do {
        let path = try NewContent.write(kind, title: title, treatment: treatment, today: .today(), in: SiteFolder(site))
        print(path)
    } catch {
        printError("error: \(error.message)")
        throw ExitCode.failure
    }
}
