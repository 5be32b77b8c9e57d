import ArgumentParser
import ClinicSite

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in memory and report broken links and other problems.",
        discussion: """
        Prints one line per problem, 'path:line:column: error: message' or \
        'path:line:column: warning: message', and a summary. Exit status 1 when there are \
        errors (with --strict, also when there are warnings), 0 otherwise. Nothing is written.
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var schedule: ScheduleOptions

    @Flag(name: .long, help: "Exit with status 1 when there are warnings, too.")
    var strict = false

    func run() async throws {
        let folder = SiteFolder(siteOptions.site)
        let result = SiteCheck.run(folder: folder, options: schedule.buildOptions)
        let diagnostics = result.diagnostics
        for diagnostic in diagnostics {
            print(diagnostic.labeledDescription)
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if result.built {
            var checked = "\(result.pageCount) pages, \(result.internalLinkCount) links within the site"
            if !result.externalLinks.isEmpty {
                checked += " (\(result.externalLinks.count) external not checked; --external checks them)"
            }
            print("Checked \(checked): \(counts)")
        } else {
            print("The site does not build, so links were not checked: \(counts)")
        }
        if errors > 0 || (strict && warnings > 0) {
            throw ExitCode.failure
        }
    }
}
