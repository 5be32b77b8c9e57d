import ClinicBase
import ClinicContent
/// Creating files in a site folder for `init` and `new`: parents are made as needed, and an
/// existing file is never replaced.
package enum SiteFiles {
    /// Writes `text` to `relative` inside `folder`; fails if the file exists.
    package static func create(_ relative: String, text: String, in folder: SiteFolder) throws(AuthoringError) {
        try create(relative, bytes: Array(text.utf8), in: folder)
    }

    /// Writes `bytes` to `relative` inside `folder`; fails if the file exists.
    package static func create(_ relative: String, bytes: [UInt8], in folder: SiteFolder) throws(AuthoringError) {
        let path = folder.absolute(relative)
        if FileSystem.exists(path) {
            throw AuthoringError("\(folder.display(relative)) already exists; ClinicSite does not overwrite it (choose another title, or edit that file)")
        }
        do {
            try FileSystem.createDirectories(Path.parent(of: path))
            try FileSystem.createNew(bytes, at: path)
        } catch {
            throw AuthoringError("could not write \(folder.display(relative)): \(error)")
        }
    }
}
