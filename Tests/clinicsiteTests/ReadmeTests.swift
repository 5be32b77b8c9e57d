import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("README.md documents the program")
struct ReadmeTests {
    static let readme: String = (try? String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)) ?? ""

    /// The subcommands a help text lists under SUBCOMMANDS.
    func subcommands(_ help: String) -> [String] {
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
        return help[section.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
    }

    /// The `--options` a help text's USAGE line names.
    func options(_ help: String) -> Set<String> {
        guard let usage = help.range(of: "USAGE:"), let end = help[usage.upperBound...].range(of: "\n\n") else { return [] }
        let text = help[usage.upperBound..<end.lowerBound]
        var found: Set<String> = []
        var rest = Substring(text)
        while let start = rest.range(of: "--") {
            let name = rest[start.lowerBound...].prefix { $0 == "-" || $0.isLetter }
            found.insert(String(name))
            rest = rest[start.upperBound...]
        }
        return found
    }

    @Test("every command has its section, and every option of every command is in README.md")
    func everyCommandAndOption() throws {
        #expect(!Self.readme.isEmpty)
        let top = try Binary.run(["--help"], in: "/")
        let commands = subcommands(top.output)
        #expect(Set(commands) == ["init", "new", "build", "check", "serve"])
        var paths: [[String]] = []
        for command in commands {
            #expect(Self.readme.contains("### `clinicsite \(command)`"), "README.md has no section for \(command)")
            let help = try Binary.run([command, "--help"], in: "/").output
            let nested = subcommands(help)
            paths += nested.isEmpty ? [[command]] : nested.map { [command, $0] }
        }
        #expect(paths.contains(["new", "aftercare"]) && paths.contains(["new", "page"]))
        for path in paths {
            let help = try Binary.run(path + ["--help"], in: "/").output
            let options = options(help)
            #expect(!options.isEmpty || path == ["new", "page"])
            for option in options {
                #expect(Self.readme.contains(option + " ") || Self.readme.contains(option + "`") || Self.readme.contains(option + "]"),
                        "README.md does not mention \(option) of clinicsite \(path.joined(separator: " "))")
            }
            #expect(Self.readme.contains("clinicsite \(path.joined(separator: " "))"), "README.md never shows 'clinicsite \(path.joined(separator: " "))'")
        }
    }

    @Test("the content fields this work added are documented")
    func fields() {
        for field in ["expires:", "`expires`", "review_interval", "--expired", "--today"] {
            #expect(Self.readme.contains(field), "README.md does not mention \(field)")
        }
        #expect(Self.readme.contains("## Publishing your site"))
        for host in ["### GitHub Pages", "### Netlify", "rsync"] {
            #expect(Self.readme.contains(host))
        }
    }
}
