import Foundation

/// A message on the preview's event stream (Server-Sent Events at
/// `/__clinicsite/events`). Each `data` line is one line of JSON.
///
/// | event | data | the page |
/// | --- | --- | --- |
/// | `hello` | `{"build": id or null, "errors": [...]}` | first message: reloads when its build is not the current one, else shows the errors |
/// | `reload` | `{"build": id}` | a rebuild changed pages: reloads |
/// | `stylesheets` | `{"build": id, "previous": id}` | only CSS changed: swaps its stylesheets |
/// | `failed` | `{"errors": ["path:line:column: message", ...]}` | shows the overlay |
///
/// A comment line is sent every few seconds to keep the connection open and notice when the
/// browser has gone.
public enum LiveReloadEvent: Sendable, Equatable {
    /// The state when a browser connects.
    case hello(build: String?, errors: [String])
    /// A rebuild changed pages.
    case reload(build: String)
    /// A rebuild changed only stylesheets.
    case stylesheets(build: String, previous: String)
    /// A rebuild failed; the site served is unchanged.
    case failed(errors: [String])
    /// Keeps the connection open.
    case keepAlive

    /// The event's name on the wire (nil for the keep-alive comment).
    public var name: String? {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .stylesheets: "stylesheets"
        case .failed: "failed"
        case .keepAlive: nil
        }
    }

    /// The event in the `text/event-stream` format, ending with a blank line.
    public var wireFormat: String {
        guard let name else { return ": keep-alive\n\n" }
        return "event: \(name)\ndata: \(json)\n\n"
    }

    /// The JSON payload, on one line.
    var json: String {
        let object: [String: JSONField]
        switch self {
        case .hello(let build, let errors):
            object = ["build": build.map(JSONField.text) ?? .null, "errors": .list(errors)]
        case .reload(let build):
            object = ["build": .text(build)]
        case .stylesheets(let build, let previous):
            object = ["build": .text(build), "previous": .text(previous)]
        case .failed(let errors):
            object = ["errors": .list(errors)]
        case .keepAlive:
            object = [:]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(object)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The few JSON shapes the events use.
private enum JSONField: Encodable {
    case text(String)
    case list([String])
    case null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .null: try container.encodeNil()
        }
    }
}
