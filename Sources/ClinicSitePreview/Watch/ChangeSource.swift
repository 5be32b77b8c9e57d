/// Where a watcher's changes come from: inotify or a periodic scan.
///
/// A source is used by one watch thread only, once started.
protocol ChangeSource: AnyObject {
    /// A descriptor that becomes readable when there are changes, or nil for a source that is
    /// asked on a timer.
    var descriptor: Int32? { get }
    /// How often to ask a source without a descriptor.
    var scanInterval: Duration? { get }
    /// The paths (relative to the site folder, `content/aftercare/x.md`) changed since the
    /// last call.
    func changes() -> [String]
    /// Releases what the source holds.
    func close()
}

/// Which names in a watched folder matter: hidden files and editor backups (`.x.md.swp`,
/// `x.md~`) never change the site.
enum WatchedName {
    static func matters(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.hasSuffix("~")
    }

    /// The top-level folders of a site that are watched; `content/` holds `clinic.yml`.
    static let roots = ["content", "templates"]
}
