/// ClinicSite's version, shown by `clinicsite --version`, sent in the link checker's
/// `User-Agent`, written into the Pages workflow `init` makes, and read by `scripts/package`
/// for the package's file names.
public enum ClinicSiteVersion {
    /// `0.2.0`
    public static let current = "0.2.0"

    /// The project's home on GitHub; its releases page holds the packages the Pages workflow
    /// that `init` writes downloads. (The address is not settled yet: this is the one place.)
    public static let repository = "https://github.com/clinicsite/clinicsite"

    /// The address of the released Debian package of `version` for `architecture`
    /// (`amd64`, `arm64`), as `scripts/package` names it and the release workflow uploads it.
    public static func debianPackageURL(version: String = current, architecture: String = "amd64") -> String {
        "\(repository)/releases/download/v\(version)/clinicsite_\(version)_\(architecture).deb"
    }
}
