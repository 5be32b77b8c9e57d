import ClinicBase
import ClinicContent
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CClinicSupport

/// The build's output folder, and the rules that keep ClinicSite from ever destroying what
/// it did not write.
///
/// - The output may not be `/`, the home folder, the site folder, a parent of it, or inside
///   `content/` or `templates/`.
/// - An existing output folder is replaced only when it is empty or carries ClinicSite's
///   marker file (`.clinicsite-output`), and then only if every file in it is listed in the
///   marker's manifest (`.gitignore`, `.gitkeep` and `.nojekyll` are kept and carried over).
/// - A build writes into a staging folder next to the output and swaps it in with one atomic
///   rename, so the output is always either the previous complete site or the new one.
public struct OutputFolder: Sendable {
    /// The marker file's name.
    public static let markerName = ".clinicsite-output"
    /// The marker's first line.
    package static let markerHeader = "# Written by ClinicSite. This folder is replaced on every build; files listed below are ClinicSite's."
    /// Files a person may keep in the output folder; they are carried into each new build.
    public static let keptFiles: Set<String> = [".gitignore", ".gitkeep", ".nojekyll"]

    /// The absolute output path.
    public let path: String
    /// The path shown in messages.
    public let displayPath: String
    /// The path as given on the command line, nil for the default.
    private let given: String?

    /// - Parameters:
    ///   - path: the output folder as given (relative to `currentDirectory`), or nil for `site/` in the site folder.
    public init(_ path: String?, site: SiteFolder, currentDirectory: String? = nil) {
        self.given = path
        if let path {
            self.path = Path.absolute(path, relativeTo: currentDirectory ?? FileSystem.currentDirectory())
            self.displayPath = path
        } else {
            self.path = site.absolute("site")
            self.displayPath = site.display("site")
        }
    }

    private var location: SourceLocation { SourceLocation(path: displayPath) }

    private func refuse(_ message: String) -> Diagnostic {
        Diagnostic(location, message, stage: .output)
    }

    /// The real path of `path`, resolving symlinks in the part that exists.
    package static func resolved(_ path: String) -> String {
        if let real = FileSystem.realPath(path) { return real }
        let parent = Path.parent(of: path)
        if parent == path { return path }
        return Path.join(resolved(parent), Path.lastComponent(of: path))
    }

    /// Checks that ClinicSite may (re)write this folder. Returns the problems; empty when safe.
    public func check(site: SiteFolder) -> [Diagnostic] {
        if let given, given == "~" || given.hasPrefix("~/") {
            // A quoted '~' reaches us unexpanded; a folder literally named '~' is never meant.
            return [refuse("ClinicSite does not expand '~' (your shell does, when it is not in quotes); give the output folder's full path")]
        }
        let output = OutputFolder.resolved(path)
        let siteReal = OutputFolder.resolved(site.absolutePath)
        if output == "/" { return [refuse("refusing to use / as the output folder")] }
        if let home = FileSystem.homeDirectory(), output == OutputFolder.resolved(home) {
            return [refuse("refusing to use your home folder as the output folder")]
        }
        if output == siteReal {
            return [refuse("refusing to write the site into its own folder (it holds content/ and templates/); use a folder such as site/")]
        }
        if Path.contains(output, siteReal) {
            return [refuse("refusing to use a parent of the site folder as the output folder")]
        }
        for inner in ["content", "templates"] where Path.contains(OutputFolder.resolved(site.absolute(inner)), output) {
            return [refuse("refusing to write the site inside \(inner)/")]
        }
        switch FileSystem.kind(atPath: path) {
        case nil:
            return []
        case .symlink where FileSystem.isDirectory(path):
            return [refuse("the output folder is a symlink; give the real folder instead")]
        case .directory:
            break
        default:
            return [refuse("the output path exists and is not a folder")]
        }
        let names: [String]
        do {
            names = try FileSystem.contentsOfDirectory(path)
        } catch {
            return [refuse("\(error)")]
        }
        let others = names.filter { !OutputFolder.keptFiles.contains($0) }
        if others.isEmpty { return [] }
        guard names.contains(OutputFolder.markerName) else {
            return [refuse("refusing to replace this folder: it is not empty and was not made by ClinicSite (no \(OutputFolder.markerName) file); choose an empty or new folder with --output")]
        }
        let manifest = readManifest(Path.join(path, OutputFolder.markerName))
        var foreign: [String] = []
        collectFiles("", into: &foreign, skip: manifest)
        if !foreign.isEmpty {
            let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            return [refuse("refusing to replace this folder: ClinicSite did not write \(listed); move \(foreign.count == 1 ? "it" : "them") out of the output folder (files for the site belong in content/media/)")]
        }
        return []
    }

    private func readManifest(_ markerPath: String) -> Set<String> {
        guard let bytes = try? FileSystem.readBytes(markerPath) else { return [] }
        var manifest: Set<String> = [OutputFolder.markerName]
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            manifest.insert(String(decoding: line, as: UTF8.self))
        }
        return manifest
    }

    private func collectFiles(_ relative: String, into foreign: inout [String], skip manifest: Set<String>) {
        let absolute = relative.isEmpty ? path : Path.join(path, relative)
        guard let entries = try? FileSystem.entries(ofDirectory: absolute) else { return }
        for (name, kind) in entries {
            let child = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty, OutputFolder.keptFiles.contains(name) { continue }
            if kind == .directory {
                collectFiles(child, into: &foreign, skip: manifest)
            } else if !manifest.contains(child) {
                foreign.append(child)
            }
        }
    }

    /// Name prefix of this output's staging and retired folders, next to it.
    private var siblingPrefix: String { "." + Path.lastComponent(of: path) + ".clinicsite-" }

    /// Removes staging folders left behind by builds that were killed (only those whose
    /// process is gone and that carry ClinicSite's marker).
    public func removeLeftovers() {
        let parent = Path.parent(of: path)
        guard let names = try? FileSystem.contentsOfDirectory(parent) else { return }
        for name in names where name.hasPrefix(siblingPrefix) {
            let rest = name.dropFirst(siblingPrefix.count)
            let pidText = rest.split(separator: "-").dropFirst().first.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            let folder = Path.join(parent, name)
            // A build killed between creating its staging folder and writing the marker
            // leaves it empty: nothing in it can be anyone's.
            let empty = (try? FileSystem.contentsOfDirectory(folder))?.isEmpty == true
            guard empty || FileSystem.kind(atPath: Path.join(folder, OutputFolder.markerName)) == .file else { continue }
            try? OutputFolder.removeMarkedFolder(folder)
        }
    }

    /// Removes one of ClinicSite's own folders (staging, retired output) with its marker
    /// last, so a build killed in the middle leaves a folder the next build still recognises
    /// as its own and removes.
    package static func removeMarkedFolder(_ folder: String) throws {
        for entry in try FileSystem.entries(ofDirectory: folder) where entry.name != markerName {
            try FileSystem.removeTree(Path.join(folder, entry.name), kind: entry.kind)
        }
        try FileSystem.removeTree(folder)
    }

    /// Creates a new, empty staging folder next to the output, marked as ClinicSite's.
    public func makeStaging() throws -> String {
        let parent = Path.parent(of: path)
        try FileSystem.createDirectories(parent)
        var attempt = 0
        while true {
            let staging = Path.join(parent, "\(siblingPrefix)staging-\(getpid())-\(attempt)")
            if mkdir(staging, 0o755) == 0 {
                try FileSystem.write(OutputFolder.markerHeader + "\n", to: Path.join(staging, OutputFolder.markerName))
                return staging
            }
            if errno != EEXIST { throw FileSystem.Failure(operation: "creating staging folder", path: staging, code: errno) }
            attempt += 1
        }
    }

    /// Finishes `staging` (manifest, kept files) and swaps it in place of the output. The
    /// previous output is removed afterwards.
    public func commit(staging: String, manifest: [String]) throws {
        for name in OutputFolder.keptFiles.sorted() {
            let kept = Path.join(path, name)
            if FileSystem.kind(atPath: kept) == .file {
                try FileSystem.copyFile(from: kept, to: Path.join(staging, name))
            }
        }
        let marker = ([OutputFolder.markerHeader] + manifest).joined(separator: "\n") + "\n"
        try FileSystem.write(marker, to: Path.join(staging, OutputFolder.markerName))

        guard FileSystem.exists(path) else {
            try FileSystem.rename(staging, to: path)
            return
        }
        if clinicsite_exchange_paths(staging, path) == 0 {
            // `staging` now holds the previous output.
            try OutputFolder.removeMarkedFolder(staging)
            return
        }
        // No atomic exchange here: move the old output aside, then the new one in.
        let retired = Path.join(Path.parent(of: path), "\(siblingPrefix)old-\(getpid())")
        try? OutputFolder.removeMarkedFolder(retired)
        try FileSystem.rename(path, to: retired)
        do {
            try FileSystem.rename(staging, to: path)
        } catch {
            try? FileSystem.rename(retired, to: path)
            throw error
        }
        try OutputFolder.removeMarkedFolder(retired)
    }

    /// Removes a staging folder after a failed build.
    public func discard(staging: String) {
        try? OutputFolder.removeMarkedFolder(staging)
    }
}
