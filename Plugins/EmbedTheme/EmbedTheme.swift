import PackagePlugin

/// Turns the default theme, the repository's `templates/` folder, into Swift source for the
/// target it is applied to, so `clinicsite init` carries the theme inside the binary and the
/// theme has one source: `templates/`.
///
/// The target, at SwiftPM's default place `Sources/<name>`, reaches the theme through a
/// symlink, `templates -> ../../templates`, so SwiftPM lists every theme file among the
/// target's files (as files it does not itself handle) and notices when one is added, changed
/// or removed. Each of them is an input of the build command, so the next `swift build`
/// embeds the theme as it is.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let theme = context.package.directoryURL.appending(path: "Sources/\(target.name)/templates")
        let prefix = theme.path + "/"
        let inputs = module.sourceFiles.filter { $0.type == .unknown && $0.url.path.hasPrefix(prefix) }.map(\.url)
        if inputs.isEmpty {
            Diagnostics.error("EmbedTheme: no theme files found in \(theme.path); it should link to the repository's templates/ folder")
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "DefaultTheme+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme from templates/",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
