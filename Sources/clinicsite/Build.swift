import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicOutput
import ClinicCheck
import ClinicAuthoring

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (site/ by default).",
        discussion: """
        The new site is written next to the output folder and swapped in only when the whole \
        build succeeded; a failed build leaves the previous output exactly as it was. To look \
        at the result, run 'clinicsite serve' (pages opened from the disk have no styles: \
        their addresses start at the web root).
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The output folder (default: DIR/site).", valueName: "dir"))
    var output: String?

    @OptionGroup var schedule: ScheduleOptions

    @Flag(name: .long, help: "List the pages left out and why.")
    var verbose = false

    @Flag(name: .long, help: "Print the time each stage of the build took (wall and CPU).")
    var timings = false

    func run() throws {
        let start = ContinuousClock.now
        let folder = SiteFolder(siteOptions.site)
        let outputFolder = OutputFolder(output, site: folder)
        do {
            let result = try SiteBuilder.build(folder: folder, output: outputFolder, options: schedule.buildOptions)
            report(result.warnings)
            let elapsed = ContinuousClock.now - start
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let photos = result.imageCount == 0 ? "" : "; \(result.imageCount) image\(result.imageCount == 1 ? "" : "s"), \(result.processedImages) processed"
            print("Built \(result.pageCount) pages (\(result.fileCount) files) into \(outputFolder.displayPath) in \(milliseconds) ms\(photos)")
            if timings {
                for stage in result.times.stages {
                    let wall = stage.wall > 0 ? "\(Int(stage.wall * 1000)) ms, " : ""
                    print("  \(stage.name): \(wall)\(Int(stage.cpu * 1000)) ms CPU")
                }
            }
            if !result.excluded.isEmpty {
                if verbose {
                    for exclusion in result.excluded {
                        print("  left out \(exclusion.path): \(exclusion.reason)")
                    }
                } else {
                    print("Left out \(result.excluded.count) page\(result.excluded.count == 1 ? "" : "s") (drafts, future dates or expired; --verbose lists them)")
                }
            }
            // Opened from the disk, the pages find neither their stylesheet nor their links
            // (addresses start at the site's root, /assets/…): serve shows the same pages.
            let siteArgument = folder.displayPath == "." ? [] : ["--site", shellQuoted(folder.displayPath)]
            print("To look at it: " + (["clinicsite", "serve"] + siteArgument + schedule.arguments).joined(separator: " "))
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.errors.count
            printError("error: build failed with \(count) error\(count == 1 ? "" : "s"); \(outputFolder.displayPath) was not changed")
            throw ExitCode.failure
        }
    }
}
