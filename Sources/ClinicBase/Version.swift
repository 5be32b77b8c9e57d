/// ClinicSite's version, shown by `clinicsite --version` and sent in the link checker's
/// `User-Agent`.
public enum ClinicSiteVersion {
    /// `0.1.0`
    public static let current = "0.1.0"
}
