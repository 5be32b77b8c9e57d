import CCurlShim
import Dispatch

/// The real ``LinkProbe``: libcurl, opened on first use (not when the program starts, see
/// `Sources/CCurlShim`), which follows redirects and speaks HTTP/1.1 and HTTP/2 over TLS.
/// Each request runs on a thread of its own with its own connection; ``ExternalLinkChecker``
/// decides how many run at once, and to which host.
public struct CurlProbe: LinkProbe {
    private let userAgent: String

    /// A probe that sends `userAgent`.
    public init(userAgent: String = ExternalLinkChecker.userAgent) {
        self.userAgent = userAgent
    }

    public func probe(_ url: String, method: ProbeMethod, timeout: Double) async -> ProbeOutcome {
        let userAgent = self.userAgent
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Self.request(url, method: method, timeout: timeout, userAgent: userAgent))
            }
        }
    }

    /// One request, blocking the calling thread until it ends.
    static func request(_ url: String, method: ProbeMethod, timeout: Double, userAgent: String) -> ProbeOutcome {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return .failed("not a valid address") }
        var result = ClinicCurlResult()
        clinic_curl_request(url, method == .head ? 1 : 0, userAgent, max(1, Int(timeout * 1000)), &result)
        let message = withUnsafeBytes(of: result.message) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        switch Int(result.outcome) {
        case Int(CLINIC_CURL_ANSWERED):
            let status = Int(result.status)
            return .status(status, Self.reason(status))
        case Int(CLINIC_CURL_TIMED_OUT): return .timedOut
        case Int(CLINIC_CURL_HOST_NOT_FOUND): return .failed("the host name was not found")
        case Int(CLINIC_CURL_REFUSED): return .failed("the connection was refused")
        case Int(CLINIC_CURL_TLS_FAILED): return .failed("the secure (TLS) connection failed")
        case Int(CLINIC_CURL_TOO_MANY_REDIRECTS): return .failed("too many redirects")
        case Int(CLINIC_CURL_CONNECTION_LOST): return .failed("the connection was lost")
        default: return .failed(message.isEmpty ? "the request failed" : message)
        }
    }

    /// The reason phrase of an HTTP status, as messages show it ("Not Found"); for a status
    /// without one, its class ("Client error").
    package static func reason(_ status: Int) -> String {
        if let known = reasons[status] { return known }
        return switch status {
        case 100..<200: "Informational"
        case 200..<300: "Success"
        case 300..<400: "Redirected"
        case 400..<500: "Client error"
        case 500..<600: "Server error"
        default: ""
        }
    }

    /// RFC 9110's reason phrases (and 429's, RFC 6585), the words servers send.
    private static let reasons: [Int: String] = [
        200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
        205: "Reset Content", 206: "Partial Content",
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required", 408: "Request Timeout",
        409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
        414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
        421: "Misdirected Request", 422: "Unprocessable Content", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        451: "Unavailable For Legal Reasons",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
