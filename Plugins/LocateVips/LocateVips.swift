import Foundation
import PackagePlugin

/// Writes `VipsLibrary.swift` into the target it is applied to: the folder pkg-config gives for
/// libvips (`pkg-config --variable=libdir vips`) when the program is built. libvips is opened
/// with dlopen, not linked, and ClinicImages names the file the loader opens from that folder
/// in its cache keys without loading it (`ImageProcessor.libraryIdentity`). Runs before every
/// build and rewrites the file only when the folder changed; without pkg-config or libvips'
/// .pc file the folder is empty and the keys load libvips to read its version instead.
@main
struct LocateVips: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let script = """
            set -e
            mkdir -p "$1"
            libdir="$(pkg-config --variable=libdir vips 2>/dev/null || true)"
            case "$libdir" in *'"'*|*'\\'*) libdir="" ;; esac
            text="// Made by the LocateVips plugin: pkg-config --variable=libdir vips at build time.
            enum VipsLibrary {
                /// The folder libvips was in when the program was built (empty: unknown).
                static let directory = \\"$libdir\\"
            }"
            [ "$(cat "$1/VipsLibrary.swift" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" > "$1/VipsLibrary.swift"
            """
        return [
            .prebuildCommand(
                displayName: "Locating libvips with pkg-config",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", folder.path],
                outputFilesDirectory: folder
            ),
        ]
    }
}
