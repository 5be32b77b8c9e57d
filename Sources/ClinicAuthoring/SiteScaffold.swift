import ClinicBase
import ClinicContent
/// `clinicsite init`: a new site folder that builds as it is: `content/clinic.yml` with a
/// comment on every field, a home page introduction, a starter FAQ, one sample aftercare page
/// for the kind of practice, the theme in `templates/`, a `.gitignore` for the output and the
/// GitHub Pages workflow (``PagesWorkflow``).
public enum SiteScaffold {
    /// A file of the new site.
    public struct File: Sendable, Hashable {
        /// The path inside the site folder, `/`-separated.
        public var path: String
        public var bytes: [UInt8]

        /// Creates a file.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// The new site's `.gitignore`: what ClinicSite makes again from `content/` and `templates/`.
    static let gitignore = """
        # The built site: ClinicSite writes it again on every build.
        /site/
        # ClinicSite's own working files (its cache); the Pages workflow keeps them between runs.
        /.clinicsite/

        """

    /// Entries a folder may already hold and still count as empty: a new Git repository.
    package static let allowedEntries: Set<String> = [".git"]

    /// Every file of a new site for `name`, a practice of `kind`, on `today`, with `theme`
    /// (paths inside `templates/`) as its theme. Sorted by path.
    public static func files(name: String, kind: ClinicKind, today: Day, theme: [File]) -> [File] {
        var files = StarterContent.files(name: name, kind: kind, today: today)
        files += theme.map { File(path: "templates/" + $0.path, bytes: $0.bytes) }
        files.append(File(path: ".gitignore", bytes: Array(gitignore.utf8)))
        files.append(File(path: PagesWorkflow.path, bytes: Array(PagesWorkflow.text().utf8)))
        return files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// Creates the site in `folder` (made if missing). Refuses a folder that holds anything but
    /// a `.git` folder, and writes nothing in that case.
    /// - Returns: the paths written, as the user should see them.
    public static func create(in folder: SiteFolder, name: String, kind: ClinicKind, today: Day, theme: [File]) throws(AuthoringError) -> [String] {
        let root = folder.absolutePath
        switch FileSystem.resolvedKind(atPath: root) {
        case nil:
            do {
                try FileSystem.createDirectories(root)
            } catch {
                throw AuthoringError("could not create '\(folder.displayPath)': \(error)")
            }
        case .directory:
            let entries: [String]
            do {
                entries = try FileSystem.contentsOfDirectory(root)
            } catch {
                throw AuthoringError("could not read '\(folder.displayPath)': \(error)")
            }
            let others = entries.filter { !allowedEntries.contains($0) }
            if !others.isEmpty {
                let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", …" : "")
                throw AuthoringError("'\(folder.displayPath)' is not empty (it has \(shown)); ClinicSite only creates a site in a new or empty folder")
            }
        default:
            throw AuthoringError("'\(folder.displayPath)' exists and is not a folder")
        }
        var written: [String] = []
        for file in files(name: name, kind: kind, today: today, theme: theme) {
            try SiteFiles.create(file.path, bytes: file.bytes, in: folder)
            written.append(folder.display(file.path))
        }
        return written
    }

    /// A clinic name made from a folder name: `willow-street` → `Willow Street`.
    public static func name(fromFolder path: String) -> String {
        let words = Path.lastComponent(of: Path.normalize(path))
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." })
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return name.isEmpty ? "My Clinic" : name
    }
}
