import ClinicBase
import ClinicRender
import ClinicContent
import ClinicModel
import ClinicBuild
import ClinicCheck
import ClinicAuthoring
import ClinicSitePreview

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `clinicsite serve` prints: builds and rebuilds on standard output, errors and
/// warnings on standard error as `path:line:column: message`.
struct ServeTerminal: Sendable {
    /// Standard output is a terminal: draw the QR code in black on white.
    let colors: Bool

    func show(_ event: PreviewServer.Event) {
        switch event {
        case .built(let result):
            show(result)
        case .portTaken(let port, let other):
            say("Port \(port) is in use; using \(other).")
        case .listening(let address):
            say("Serving the preview at \(address.localURL)")
            if !address.isLoopback {
                if let url = address.networkURL {
                    say("On your network: \(url) (scan the code with your phone)")
                    if let code = QRCode(encoding: url) {
                        say(code.terminalText(colors: colors), terminator: "")
                    }
                } else {
                    say("No network address found for this machine.")
                }
            }
        case .watching(let method):
            say("Watching content/ and templates/ for changes (\(method)). Press Ctrl-C to stop.")
        case .imagesMade(let made):
            if made.failures.isEmpty {
                say("\(clock()) \(made.count) photo file\(made.count == 1 ? "" : "s") made in \(Self.milliseconds(made.duration)) ms")
            } else {
                report(made.failures)
                printError("\(clock()) some photos could not be processed; the preview shows the errors until they are replaced")
            }
        case .watchFallback(let error, let method):
            printError("warning: cannot watch with inotify (\(error)); \(method) instead")
            say("Watching content/ and templates/ for changes (\(method)). Press Ctrl-C to stop.")
        }
    }

    private func show(_ result: RebuildResult) {
        let cause = result.changes.isEmpty ? "" : "\(clock()) \(describe(result.changes)): "
        let milliseconds = Self.milliseconds(result.duration)
        switch result.outcome {
        case .built(let summary, let update):
            report(summary.warnings)
            var line = "\(cause)built \(summary.pageCount) pages (\(summary.fileCount) files) in \(milliseconds) ms"
            switch update {
            case .unchanged where !result.changes.isEmpty: line += "; nothing changed"
            case .stylesheets: line += "; stylesheets updated"
            case .pages where !result.changes.isEmpty: line += "; pages reloaded"
            default: break
            }
            if let (count, duration) = summary.renderedAfter {
                line += "; \(count) more file\(count == 1 ? "" : "s") in \(Self.milliseconds(duration)) ms after"
            }
            say(capitalized(line))
            if result.changes.isEmpty, !summary.excluded.isEmpty {
                let count = summary.excluded.count
                say("Left out \(count) page\(count == 1 ? "" : "s") (drafts, future dates or expired; --drafts, --future and --expired include them)")
            }
        case .failed(let diagnostics, let servingLastGoodBuild):
            report(diagnostics)
            let count = diagnostics.errors.count
            let shown = servingLastGoodBuild
                ? "the preview shows them over the last good build"
                : "the preview shows them until the site builds"
            printError(capitalized("\(cause)the site did not build (\(count) error\(count == 1 ? "" : "s")); \(shown)"))
        }
    }

    /// `duration` in whole milliseconds.
    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// `content/a.md` or `content/a.md and 2 more`.
    private func describe(_ changes: [String]) -> String {
        changes.count == 1 ? changes[0] : "\(changes[0]) and \(changes.count - 1) more"
    }

    private func capitalized(_ line: String) -> String {
        guard let first = line.first, first.isLowercase else { return line }
        return first.uppercased() + line.dropFirst()
    }

    /// The local time as `HH:MM:SS`.
    private func clock() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

/// Prints to standard output unbuffered, so each line shows at once even when the output is
/// a pipe (a server runs for a long time).
func say(_ line: String, terminator: String = "\n") {
    let bytes = Array((line + terminator).utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written <= 0 { return }
        offset += written
    }
}
