import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild

/// What the preview adds to HTML pages, and only there: `build` never writes any of it.
///
/// Every HTML response gets a small script that listens to the event stream
/// (``LiveReloadEvent``) and reloads the page after a good rebuild, or swaps the stylesheets
/// when only CSS changed. While the latest build has errors, the page also carries an overlay
/// listing them; the script shows, updates and removes the same overlay as builds fail and
/// succeed.
enum LiveReloadPage {
    /// The path of the event stream.
    static let eventsPath = "/__clinicsite/events"
    /// The `id` of the error overlay element.
    static let overlayID = "clinicsite-overlay"

    /// `html` with the live-reload script (and the overlay, when `problem` is set) inserted
    /// before its last `</body>`, or appended when it has none.
    static func inject(into html: [UInt8], build: String?, problem: BuildProblem?) -> [UInt8] {
        let addition = Array(snippet(build: build, problem: problem).utf8)
        let insertAt = lastBodyClose(in: html) ?? html.endIndex
        var result = [UInt8]()
        result.reserveCapacity(html.count + addition.count)
        result.append(contentsOf: html[..<insertAt])
        result.append(contentsOf: addition)
        result.append(contentsOf: html[insertAt...])
        return result
    }

    /// The page served for every address while no build has succeeded yet: the errors, and
    /// the script that reloads it once the site builds.
    static func unbuiltSite(problem: BuildProblem?) -> [UInt8] {
        let page = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>The site did not build</title>
        </head>
        <body>
        <p>ClinicSite could not build this site yet. The errors are listed over this page; \
        fix them and save, and this page reloads by itself.</p>
        </body>
        </html>

        """
        return inject(into: Array(page.utf8), build: nil, problem: problem)
    }

    /// The style, the overlay (when there are errors) and the script.
    static func snippet(build: String?, problem: BuildProblem?) -> String {
        var text = "\n<style id=\"clinicsite-preview-style\">\(style)</style>\n"
        if let problem, !problem.errors.isEmpty {
            text += overlay(problem.lines)
        }
        text += "<script id=\"clinicsite-live-reload\">\n\(script(build: build))</script>\n"
        return text
    }

    /// The overlay markup for `lines`; the script builds the same elements.
    static func overlay(_ lines: [String]) -> String {
        let count = lines.count
        return """
        <div id="\(overlayID)" role="alert">\
        <h2>\(Escape.html(heading(count)))</h2>\
        <p>\(Escape.html(advice))</p>\
        <pre>\(lines.map(Escape.html).joined(separator: "\n"))</pre>\
        </div>

        """
    }

    static func heading(_ count: Int) -> String {
        "The site did not build: \(count) error\(count == 1 ? "" : "s")"
    }

    static let advice = "You are seeing the last version that built. Fix the errors below and save: this page updates by itself."

    /// The index of the last `</body>` (any case) in `html`.
    private static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            var matches = true
            for offset in 0..<tag.count {
                var byte = html[index + offset]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != tag[offset] {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    private static let style = """
    #clinicsite-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;\
    padding:2rem;background:rgba(24,24,27,.94);color:#fafafa;font:16px/1.5 system-ui,sans-serif;text-align:left}\
    #clinicsite-overlay h2{margin:0 0 .5rem;font-size:1.4rem;color:#fca5a5}\
    #clinicsite-overlay p{margin:0 0 1rem;max-width:50rem}\
    #clinicsite-overlay pre{margin:0;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere;\
    background:#09090b;color:#fecaca;border-radius:6px;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace}
    """

    /// The script. Build ids are letters, digits and `-`, so they need no escaping.
    private static func script(build: String?) -> String {
        let buildLiteral = build.map { "\"\($0)\"" } ?? "null"
        return """
    (() => {
      "use strict";
      let build = \(buildLiteral);
      const overlayID = "\(overlayID)";
      const hide = () => document.getElementById(overlayID)?.remove();
      const show = (errors) => {
        hide();
        if (errors.length === 0) return;
        const box = document.createElement("div");
        box.id = overlayID;
        box.setAttribute("role", "alert");
        const heading = document.createElement("h2");
        heading.textContent = `The site did not build: ${errors.length} error${errors.length === 1 ? "" : "s"}`;
        const advice = document.createElement("p");
        advice.textContent = "\(advice)";
        const list = document.createElement("pre");
        list.textContent = errors.join("\\n");
        box.append(heading, advice, list);
        document.body.append(box);
      };
      const source = new EventSource("\(eventsPath)");
      const read = (event) => JSON.parse(event.data);
      source.addEventListener("hello", (event) => {
        const state = read(event);
        if (state.build !== build) location.reload();
        else show(state.errors);
      });
      source.addEventListener("reload", () => location.reload());
      source.addEventListener("stylesheets", (event) => {
        const change = read(event);
        if (change.previous !== build) { location.reload(); return; }
        for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
          const url = new URL(link.href, location.href);
          if (url.origin !== location.origin) continue;
          url.searchParams.set("clinicsite-build", change.build);
          link.href = url.href;
        }
        build = change.build;
        hide();
      });
      source.addEventListener("failed", (event) => show(read(event).errors));
    })();

    """
    }
}
