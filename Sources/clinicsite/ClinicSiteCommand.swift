import ArgumentParser
import ClinicBase
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct ClinicSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsite",
        abstract: "Builds a website for a therapy clinic from its details and aftercare advice.",
        version: ClinicSiteVersion.current,
        subcommands: [Init.self, New.self, Build.self, Check.self, Serve.self],
        defaultSubcommand: nil
    )
}

/// Options every command that reads a site takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and templates/.", valueName: "dir"))
    var site: String = "."
}

/// The options that decide which pages `build`, `check` and `serve` include, and the day they
/// build as of: one set for the three commands (README: "Choosing pages").
struct ScheduleOptions: ParsableArguments {
    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Include pages dated in the future.")
    var future = false

    @Flag(name: .long, help: "Include pages whose 'expires' day has passed.")
    var expired = false

    @Option(name: .long, help: ArgumentHelp("Build as if today were this day (YYYY-MM-DD); default: today.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, e.g. 2026-12-01; got '\(today)'")
        }
    }

    /// These options as written on a command line (`--drafts --today 2026-12-20`), to pass on
    /// to another command.
    var arguments: [String] {
        (drafts ? ["--drafts"] : []) + (future ? ["--future"] : []) + (expired ? ["--expired"] : [])
            + (today.map { ["--today", $0] } ?? [])
    }

    /// The build options these flags ask for.
    var buildOptions: BuildOptions {
        BuildOptions(includeDrafts: drafts, includeFuture: future, includeExpired: expired,
                     today: today.flatMap { Day($0) } ?? .today())
    }
}

/// Prints diagnostics to standard error, one per line.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        printError(diagnostic.description)
    }
}

func printError(_ line: String) {
    var output = StandardError()
    print(line, to: &output)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                writeToStandardError(buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}

private func writeToStandardError(_ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(2, buffer, count)
}
