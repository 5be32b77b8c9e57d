import Hummingbird

/// Answers 403 to a request whose `Host` the ``HostPolicy`` does not allow, before anything
/// else looks at it, and marks every response `nosniff` so browsers trust its content type.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard policy.allows(host: request.head.authority) else {
            return PlainResponse.make(.forbidden, "This preview answers only to localhost and this machine's own addresses.\n", for: request)
        }
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}
