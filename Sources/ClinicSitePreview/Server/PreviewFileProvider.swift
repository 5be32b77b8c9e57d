import Hummingbird

/// Hummingbird's ``FileMiddleware`` over the in-memory site: the middleware handles methods,
/// `index.html` for folders, the redirect from `/aftercare` to `/aftercare/`, content types,
/// `ETag`, `If-None-Match`, `Last-Modified` and ranges; this provider only answers what a path
/// names, from ``PreviewSite``. Nothing is read from disk.
struct PreviewFileProvider: FileProvider {
    typealias FileIdentifier = PreviewResource
    typealias FileAttributes = PreviewResource

    let site: PreviewSite

    func getFileIdentifier(_ path: String) -> PreviewResource? {
        site.resource(at: path)
    }

    func getAttributes(id: PreviewResource) async throws -> PreviewResource? {
        id
    }

    func loadFile(id: PreviewResource, context: some RequestContext) async throws -> ResponseBody {
        ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes))
    }

    func loadFile(id: PreviewResource, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        let lower = max(range.lowerBound, 0)
        let upper = min(range.upperBound, id.bytes.count - 1)
        guard lower <= upper else { return ResponseBody() }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: id.bytes[lower...upper]))
    }
}
