import Foundation
import Synchronization

/// The open live-reload streams: every served page listens on one, and hears `reload` when the
/// site it shows has been replaced.
final class ReloadEvents: Sendable {
  private let listeners = Mutex<[UUID: AsyncStream<[UInt8]>.Continuation]>([:])

  /// A new stream. It first says how long the browser should wait before reconnecting; when
  /// `version` is not `current` (the site changed while the page loaded), it asks for a reload at once.
  func subscribe(version: String?, current: String) -> AsyncStream<[UInt8]> {
    let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
    let id = UUID()
    continuation.yield(Array("retry: 500\n\n".utf8))
    if version != current {
      continuation.yield(Self.reload(current))
    }
    continuation.onTermination = { [weak self] _ in
      self?.listeners.withLock { _ = $0.removeValue(forKey: id) }
    }
    listeners.withLock { $0[id] = continuation }
    return stream
  }

  /// Tells every page that the site is now `version`.
  func reload(version: String) { send(Self.reload(version)) }

  /// A comment no page acts on: a connection whose page has gone fails on it and is closed.
  func keepAlive() { send(Array(": keep-alive\n\n".utf8)) }

  /// Ends every stream, so that the server can stop.
  func finish() {
    let all = listeners.withLock { listeners in
      defer { listeners = [:] }
      return Array(listeners.values)
    }
    for continuation in all { continuation.finish() }
  }

  var count: Int { listeners.withLock { $0.count } }

  private func send(_ message: [UInt8]) {
    let all = listeners.withLock { Array($0) }
    for (id, continuation) in all {
      if case .terminated = continuation.yield(message) {
        listeners.withLock { _ = $0.removeValue(forKey: id) }
      }
    }
  }

  private static func reload(_ version: String) -> [UInt8] {
    Array("event: reload\ndata: \(version)\n\n".utf8)
  }
}
