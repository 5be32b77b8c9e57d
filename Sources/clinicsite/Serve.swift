import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring
import ClinicSitePreview
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; pages reload by themselves on every save.",
        discussion: """
        The site is built in memory (site/ is never written) and served at \
        http://127.0.0.1:4000/, or the next free port. Saving a file in content/ or templates/ \
        rebuilds it; open pages reload, and build errors are shown over the page until they are \
        fixed. Press Ctrl-C to stop.
        """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (default: \(PreviewConfiguration.defaultPort), or the next free one).", valueName: "n"))
    var port: Int?

    @Option(name: .long, help: ArgumentHelp("The address to listen on; 0.0.0.0 makes the preview reachable from other devices on your network.", valueName: "h"))
    var host: String = "127.0.0.1"

    @OptionGroup var schedule: ScheduleOptions

    @Flag(name: .long, help: "Notice changes by scanning the folders twice a second instead of inotify (for network or shared folders).")
    var poll = false

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535 (0 lets the system choose).")
        }
        if host.isEmpty {
            throw ValidationError("--host needs an address, such as 127.0.0.1 or 0.0.0.0.")
        }
    }

    func run() async throws {
        let folder = SiteFolder(siteOptions.site)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.absolutePath, isDirectory: &isFolder), isFolder.boolValue else {
            printError("error: there is no folder '\(folder.displayPath)'; give --site the folder that holds content/ and templates/")
            throw ExitCode.failure
        }
        let configuration = PreviewConfiguration(
            folder: folder, host: host, port: port, buildOptions: schedule.buildOptions,
            watchMethod: poll ? .polling(every: .milliseconds(500)) : .platformDefault
        )
        if !HostPolicy.isLoopback(host) {
            printError("warning: with --host \(host) anyone on your network can open this preview\(schedule.drafts ? ", drafts included" : ""). Use it only on a network you trust.")
        }
        let terminal = ServeTerminal(colors: isatty(STDOUT_FILENO) == 1)
        let server = PreviewServer(configuration: configuration) { event in terminal.show(event) }
        do {
            try await server.runUntilInterrupted()
        } catch let error as PreviewError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        say("Stopped the preview.")
    }
}
