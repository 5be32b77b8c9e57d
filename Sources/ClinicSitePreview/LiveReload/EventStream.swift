import Hummingbird
import ServiceLifecycle

/// The `GET /__clinicsite/events` handler: a Server-Sent Events stream of
/// ``LiveReloadEvent``s, starting with `hello`.
///
/// A request with a foreign `Origin` gets 403 (the ``HostPolicy`` decides), and no response
/// carries `Access-Control-Allow-Origin`, so other sites' pages cannot listen in. The stream
/// ends when the browser goes (the next write fails) and on graceful shutdown, so Ctrl-C
/// never waits for open tabs.
struct EventStream: Sendable {
    let site: PreviewSite
    let hub: EventHub
    let policy: HostPolicy

    func respond(to request: Request) -> Response {
        guard policy.allows(origin: request.headers[.origin], host: request.head.authority) else {
            return PlainResponse.make(.forbidden, "The event stream is only for pages of this preview.\n", for: request)
        }
        let site = self.site
        let hub = self.hub
        let body = ResponseBody { writer in
            let (id, events) = hub.subscribe()
            defer { hub.unsubscribe(id) }
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n" + site.hello.wireFormat))
            for await event in events.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        }
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-store",
        ]
        return Response(status: .ok, headers: headers, body: body)
    }
}
