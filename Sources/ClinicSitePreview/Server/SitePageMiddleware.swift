import Hummingbird

/// The preview's answers for addresses the built site has no file for: the site's own
/// `404.html` with status 404, a page listing the errors (503) while no build has succeeded
/// yet, a redirect from `/` to the base path of a site under a sub-path (`/willow/`), and
/// 405 for methods other than `GET` and `HEAD`.
struct SitePageMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: PreviewSite

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix(LiveReloadPage.eventsPath) {
            return try await next(request, context)
        }
        guard request.method == .get || request.method == .head else {
            return PlainResponse.make(.methodNotAllowed, "The preview only serves pages: use GET or HEAD.\n",
                                      for: request, headers: [.allow: "GET, HEAD"])
        }
        guard let snapshot = site.snapshot else {
            return html(site.unbuiltPage(), status: .serviceUnavailable, for: request)
        }
        if request.uri.path == "/", snapshot.basePath != "/" {
            // The base path comes from clinic.yml's `url`, which SiteURL keeps to plain
            // `/segment/…/` form: never `//`.
            return Response.redirect(to: snapshot.basePath, type: .found)
        }
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
        } catch let error as HTTPError where error.status == .notFound {
            // The file middleware found no file either: fall through to the site's 404 page.
        }
        guard let page = site.notFoundPage() else {
            return PlainResponse.make(.notFound, "Not found.\n", for: request)
        }
        return html(page, status: .notFound, for: request)
    }

    private func html(_ bytes: [UInt8], status: HTTPResponse.Status, for request: Request) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentLength: String(bytes.count),
            .cacheControl: "no-store",
        ]
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: status, headers: headers, body: body)
    }
}
