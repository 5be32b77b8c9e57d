import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring

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

    @Flag(name: .long, help: "Also check links to other sites over the network (failures are warnings).")
    var external = false

    @Flag(name: .long, help: "Exit with status 1 when there are warnings, too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("With --external: seconds to wait for each answer.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("With --external: further tries after a timeout or a server error.", valueName: "n"))
    var retries: Int = 2

    func validate() throws {
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10") }
    }

    func run() async throws {
        let folder = SiteFolder(siteOptions.site)
        let result = SiteCheck.run(folder: folder, options: schedule.buildOptions)
        var diagnostics = result.diagnostics
        if external, result.built, !result.externalLinks.isEmpty {
            let configuration = ExternalLinkChecker.Configuration(timeout: timeout, retries: retries)
            let probe = CurlProbe()
            diagnostics += await ExternalLinkChecker.check(result.externalLinks, configuration: configuration, probe: probe)
            diagnostics.sort()
        }
        for diagnostic in diagnostics {
            print(diagnostic.labeledDescription)
        }
        let errors = diagnostics.errors.count
        let warnings = diagnostics.warnings.count
        let counts = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if result.built {
            var checked = "\(result.pageCount) pages, \(result.internalLinkCount) links within the site"
            if external {
                checked += ", \(result.externalLinks.count) external link\(result.externalLinks.count == 1 ? "" : "s")"
            } else if !result.externalLinks.isEmpty {
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
