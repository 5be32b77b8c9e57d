import Hummingbird

/// Short plain-text responses for the preview's own answers (403, 405, …).
enum PlainResponse {
    /// A `text/plain` response with `message` (headers only for `HEAD`).
    static func make(_ status: HTTPResponse.Status, _ message: String, for request: Request, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let bytes = ByteBuffer(string: message)
        headers[.contentLength] = String(bytes.readableBytes)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: bytes)
        return Response(status: status, headers: headers, body: body)
    }
}
