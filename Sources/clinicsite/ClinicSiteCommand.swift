import ArgumentParser
import ClinicSite

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
        version: "0.1.0",
        subcommands: [Build.self, Serve.self],
        defaultSubcommand: nil
    )
}

/// Options every command that reads a site takes.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and templates/.", valueName: "dir"))
    var site: String = "."
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
