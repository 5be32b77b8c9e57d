import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real ``LinkProbe``: Foundation's `URLSession` (libcurl on Linux), which follows
/// redirects, speaks HTTP/1.1 and HTTP/2 over TLS, and needs no further dependency.
public final class URLSessionProbe: LinkProbe {
    private let session: URLSession
    private let userAgent: String

    /// A probe that sends `userAgent`, opens at most `perHost` connections to one host, and
    /// gives up on a request after `timeout` seconds.
    public init(userAgent: String = ExternalLinkChecker.userAgent, perHost: Int = 2, timeout: Double = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = max(1, perHost)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent]
        session = URLSession(configuration: configuration)
        self.userAgent = userAgent
    }

    deinit {
        session.invalidateAndCancel()
    }

    public func probe(_ url: String, method: ProbeMethod, timeout: Double) async -> ProbeOutcome {
        guard let address = URL(string: url) else { return .failed("not a valid address") }
        var request = URLRequest(url: address, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method.rawValue
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,*/*;q=0.8", forHTTPHeaderField: "Accept")
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .failed("the answer was not HTTP") }
            let reason = HTTPURLResponse.localizedString(forStatusCode: http.statusCode)
            return .status(http.statusCode, reason.prefix(1).uppercased() + reason.dropFirst())
        } catch let error as URLError where error.code == .timedOut {
            return .timedOut
        } catch let error as URLError {
            return .failed(Self.describe(error))
        } catch {
            return .failed("\(error)")
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed: "the host name was not found"
        case .cannotConnectToHost: "the connection was refused"
        case .networkConnectionLost: "the connection was lost"
        case .notConnectedToInternet: "there is no network connection"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot: "the secure (TLS) connection failed"
        case .httpTooManyRedirects, .redirectToNonExistentLocation: "too many redirects"
        default: error.localizedDescription
        }
    }
}
