import ClinicBase

extension ContentLoader {
    /// One walk over parts of the site folder, collecting the problems it meets.
    struct Walk {
        let loader: ContentLoader
        var diagnostics: [Diagnostic] = []
        /// The site folder with symlinks resolved.
        let siteReal: String

        init(loader: ContentLoader) {
            self.loader = loader
            siteReal = FileSystem.realPath(loader.folder.absolutePath) ?? loader.folder.absolutePath
        }

        var folder: SiteFolder { loader.folder }

        /// False, with a diagnostic, when `relative` is a symlink to nothing or to a place
        /// outside the site folder.
        mutating func checkInside(_ relative: String) -> Bool {
            let absolute = folder.absolute(relative)
            guard FileSystem.kind(atPath: absolute) == .symlink else { return true }
            guard let real = FileSystem.realPath(absolute) else {
                diagnostics.append(Diagnostic(SourceLocation(path: folder.display(relative)),
                                              "this symlink points to nothing", stage: .content))
                return false
            }
            if !Path.contains(siteReal, real) {
                diagnostics.append(Diagnostic(SourceLocation(path: folder.display(relative)),
                                              "this symlink points outside the site folder (to '\(real)'); ClinicSite does not follow it",
                                              stage: .content))
                return false
            }
            return true
        }

        mutating func read(_ relative: String, inside base: String) -> SourceFile? {
            let (file, found) = loader.readFile(relative, inside: base)
            diagnostics += found
            return file
        }

        /// The visible entries of a folder, sorted.
        mutating func list(_ relative: String) -> [String] {
            do {
                return try FileSystem.contentsOfDirectory(folder.absolute(relative)).filter { !$0.hasPrefix(".") }
            } catch {
                diagnostics.append(Diagnostic(SourceLocation(path: folder.display(relative)), "\(error)", stage: .content))
                return []
            }
        }

        /// `content/aftercare/*.md`, read on all cores: a big site has thousands.
        mutating func aftercare() -> [SourceFile] {
            var markdownFiles: [String] = []
            for entry in list("content/aftercare") {
                let path = "content/aftercare/" + entry
                guard checkInside(path) else { continue }
                if Path.fileExtension(of: entry) == "md", FileSystem.resolvedKind(atPath: folder.absolute(path)) == .file {
                    markdownFiles.append(path)
                } else {
                    diagnostics.append(Diagnostic(SourceLocation(path: folder.display(path)),
                                                  "ignored: only Markdown files (.md) directly in content/aftercare/ become aftercare pages",
                                                  severity: .warning, stage: .content))
                }
            }
            let loader = self.loader
            var files: [SourceFile] = []
            for (file, found) in parallelMap(markdownFiles, { loader.readFile($0, inside: "content") }) {
                diagnostics += found
                if let file { files.append(file) }
            }
            return files
        }

        /// `content/media/**`.
        mutating func media() -> [StaticFile] {
            var files: [StaticFile] = []
            if FileSystem.isDirectory(folder.absolute("content/media")) {
                collectStatic("content/media", outputPrefix: "media", into: &files)
            }
            return files
        }

        mutating func collectStatic(_ relative: String, outputPrefix: String, into files: inout [StaticFile]) {
            for name in list(relative) {
                let child = relative + "/" + name
                guard checkInside(child) else { continue }
                let absolute = folder.absolute(child)
                switch FileSystem.resolvedKind(atPath: absolute) {
                case .directory:
                    collectStatic(child, outputPrefix: outputPrefix + "/" + name, into: &files)
                case .file:
                    files.append(StaticFile(outputPath: outputPrefix + "/" + name, sourcePath: absolute,
                                            displayPath: folder.display(child), stamp: FileSystem.stamp(atPath: absolute)))
                default:
                    continue
                }
            }
        }

        /// `templates/**/*.mustache` and `templates/assets/**`; nil, with an error, when there
        /// is no `templates/` folder.
        mutating func theme() -> (templates: [SourceFile], assets: [StaticFile])? {
            guard FileSystem.isDirectory(folder.templatesPath) else {
                diagnostics.append(Diagnostic(SourceLocation(path: folder.display("templates")),
                                              "no 'templates' folder here; a site needs its theme's templates",
                                              stage: .content))
                return nil
            }
            var templates: [SourceFile] = []
            var assets: [StaticFile] = []
            collectTemplates("templates", templates: &templates, assets: &assets)
            return (templates, assets)
        }

        private mutating func collectTemplates(_ relative: String, templates: inout [SourceFile], assets: inout [StaticFile]) {
            for name in list(relative) {
                let child = relative + "/" + name
                guard checkInside(child) else { continue }
                switch FileSystem.resolvedKind(atPath: folder.absolute(child)) {
                case .directory:
                    if child == "templates/assets" {
                        collectStatic(child, outputPrefix: "assets", into: &assets)
                    } else {
                        collectTemplates(child, templates: &templates, assets: &assets)
                    }
                case .file where Path.fileExtension(of: name) == "mustache":
                    if let file = read(child, inside: "templates") { templates.append(file) }
                default:
                    continue
                }
            }
        }
    }
}
