import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A browser's `EventSource`, reduced to what the tests need: one plain socket to the preview,
/// `GET /__clinicsite/events`, and the events read off the (chunked) response one at a time.
/// Every read has a deadline; blocking reads run on a Dispatch thread, never on the
/// cooperative pool the server uses.
final class EventStreamClient: @unchecked Sendable {
    /// One event as received.
    struct Event: Equatable, CustomStringConvertible {
        var name: String
        var data: String
        var description: String { "\(name): \(data)" }
    }

    /// The response status line and headers.
    private(set) var head = ""
    private let connection: Int32
    private var raw: [UInt8] = []
    private var body: [UInt8] = []
    private var headRead = false
    private let lock = NSLock()

    /// Connects and sends the request. `origin` adds an `Origin` header. `path` sends the
    /// request target byte for byte, for requests no HTTP client library would send.
    init(port: Int, path: String = "/__clinicsite/events", host: String? = nil, origin: String? = nil) throws {
        connection = try connectToLoopback(port: port)
        #if canImport(Glibc)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let noSignal: Int32 = 0
        #endif
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nAccept: text/event-stream\r\n"
        if let origin { request += "Origin: \(origin)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard send(connection, bytes, bytes.count, noSignal) == bytes.count else {
            close(connection)
            throw HarnessError("cannot send the request")
        }
    }

    deinit {
        close(connection)
    }

    /// The response head (status line and headers), waiting up to `timeout`.
    func responseHead(timeout: Duration = .seconds(20)) async -> String? {
        await onThread { self.readHead(until: ContinuousClock.now + timeout) ? self.head : nil }
    }

    /// The next event (keep-alive comments skipped), or nil when none arrives within `timeout`
    /// or the stream ends.
    func next(timeout: Duration) async -> Event? {
        await onThread { self.readEvent(until: ContinuousClock.now + timeout) }
    }

    /// The next event named `name`, skipping others, within `timeout`.
    func next(named name: String, timeout: Duration) async -> Event? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let event = await next(timeout: deadline - ContinuousClock.now) else { return nil }
            if event.name == name { return event }
        }
        return nil
    }

    /// Whether the server closed the stream within `timeout`.
    func closed(within timeout: Duration) async -> Bool {
        await onThread {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                switch self.receive(until: deadline) {
                case .closed: return true
                case .timedOut: return false
                case .data: continue
                }
            }
            return false
        }
    }

    private func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.lock.lock()
                defer { self.lock.unlock() }
                continuation.resume(returning: work())
            }
        }
    }

    private enum Received { case data, closed, timedOut }

    private func receive(until deadline: ContinuousClock.Instant) -> Received {
        let remaining = deadline - ContinuousClock.now
        let milliseconds = max(0, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        var descriptor = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(milliseconds)) > 0 else { return .timedOut }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = recv(connection, &buffer, buffer.count, 0)
        guard count > 0 else { return .closed }
        raw += buffer[..<count]
        return .data
    }

    private func readHead(until deadline: ContinuousClock.Instant) -> Bool {
        let separator = Array("\r\n\r\n".utf8)
        while !headRead {
            if let end = raw.firstRange(of: separator) {
                head = String(decoding: raw[..<end.lowerBound], as: UTF8.self)
                raw.removeSubrange(..<end.upperBound)
                headRead = true
                return true
            }
            guard receive(until: deadline) == .data else { return false }
        }
        return true
    }

    /// Moves whole chunks of the chunked body from `raw` to `body`.
    private func dechunk() {
        while let lineEnd = raw.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return }
            let chunkStart = lineEnd.upperBound
            guard raw.count >= chunkStart + size + 2 else { return }
            body += raw[chunkStart..<(chunkStart + size)]
            raw.removeSubrange(..<(chunkStart + size + 2))
        }
    }

    private func readEvent(until deadline: ContinuousClock.Instant) -> Event? {
        guard readHead(until: deadline) else { return nil }
        while true {
            dechunk()
            while let end = body.firstRange(of: Array("\n\n".utf8)) {
                let block = String(decoding: body[..<end.lowerBound], as: UTF8.self)
                body.removeSubrange(..<end.upperBound)
                var name = "message"
                var data: [String] = []
                var isEvent = false
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("event: ") {
                        name = String(line.dropFirst(7))
                        isEvent = true
                    } else if line.hasPrefix("data: ") {
                        data.append(String(line.dropFirst(6)))
                        isEvent = true
                    }
                }
                if isEvent { return Event(name: name, data: data.joined(separator: "\n")) }
            }
            guard receive(until: deadline) == .data else { return nil }
        }
    }
}
