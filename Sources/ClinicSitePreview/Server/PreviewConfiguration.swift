import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild

/// Everything `clinicsite serve` can be told.
public struct PreviewConfiguration: Sendable {
    /// The port tried first when none is given; the next free one is used when it is taken.
    public static let defaultPort = 4000
    /// How many ports from ``defaultPort`` are tried.
    public static let portAttempts = 100

    /// The site folder, holding `content/` and `templates/`.
    public var folder: SiteFolder
    /// The address to listen on: loopback by default; `0.0.0.0` to reach the preview from a
    /// phone on the same network.
    public var host: String
    /// The port to listen on: exactly this one (0 lets the system choose), or nil for
    /// ``defaultPort`` or the next free port after it.
    public var port: Int?
    /// Which pages the preview includes (drafts, future dates, expired pages) and the day it
    /// builds as of, as for `build`. Asset names never carry a hash in the preview (see
    /// ``BuildOptions/fingerprintAssets``), whatever this says.
    public var buildOptions: BuildOptions
    /// How changes are noticed.
    public var watchMethod: SiteWatcher.Method
    /// A burst of saves ends once no change has arrived for this long.
    public var quietPeriod: Duration
    /// How often open event streams get a keep-alive comment.
    public var keepAliveInterval: Duration

    /// Creates a configuration; by default loopback, port 4000 or the next free one, inotify
    /// on Linux.
    public init(folder: SiteFolder, host: String = "127.0.0.1", port: Int? = nil,
                buildOptions: BuildOptions = BuildOptions(),
                watchMethod: SiteWatcher.Method = .platformDefault,
                quietPeriod: Duration = .milliseconds(20), keepAliveInterval: Duration = .seconds(15)) {
        self.folder = folder
        self.host = host
        self.port = port
        self.buildOptions = buildOptions
        self.watchMethod = watchMethod
        self.quietPeriod = quietPeriod
        self.keepAliveInterval = keepAliveInterval
    }
}
