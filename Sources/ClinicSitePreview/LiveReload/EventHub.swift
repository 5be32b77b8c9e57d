import ServiceLifecycle
import Synchronization

/// Sends live-reload events to every connected browser.
///
/// Each event stream subscribes and gets its own `AsyncStream`; ``publish(_:)`` hands an event
/// to all of them. As a service it sends a keep-alive comment every `keepAliveInterval`, so a
/// stream whose browser has gone fails its next write and ends.
public final class EventHub: Service, Sendable {
    private struct State {
        var next = 0
        var subscribers: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())
    private let keepAliveInterval: Duration

    /// Creates a hub with no subscribers.
    public init(keepAliveInterval: Duration = .seconds(15)) {
        self.keepAliveInterval = keepAliveInterval
    }

    /// A stream of every event published from now on, and its id for ``unsubscribe(_:)``.
    /// It ends on ``unsubscribe(_:)`` or ``finishAll()``.
    public func subscribe() -> (id: Int, events: AsyncStream<LiveReloadEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(64))
        let id = state.withLock { state in
            state.next += 1
            state.subscribers[state.next] = continuation
            return state.next
        }
        return (id, stream)
    }

    /// Ends one subscriber's stream and forgets it.
    public func unsubscribe(_ id: Int) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// Hands `event` to every subscriber.
    public func publish(_ event: LiveReloadEvent) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers {
            subscriber.yield(event)
        }
    }

    /// The number of connected streams.
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }

    /// Ends every stream.
    public func finishAll() {
        let subscribers = state.withLock { state in
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers {
            subscriber.finish()
        }
    }

    /// Sends keep-alives until graceful shutdown, then ends every stream.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown { [keepAliveInterval] in
                    try await Task.sleep(for: keepAliveInterval)
                }
            } catch {
                break
            }
            publish(.keepAlive)
        }
        finishAll()
    }
}
