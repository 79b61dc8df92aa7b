import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Turns Nagle's algorithm off for the server's connections.
///
/// FlyingFox writes a response's head and its body in separate writes, and does not set
/// TCP_NODELAY: the body's last segment then waits for the client's delayed ACK, about 40 ms on
/// every request. Linux gives an accepted socket the listening socket's TCP_NODELAY, and FlyingFox
/// does not hand out its listening socket, so it is found among this process's descriptors by the
/// port it listens on.
enum NoDelay {
  /// Sets TCP_NODELAY on this process's listening socket on `port`; whether one was found.
  @discardableResult
  static func set(onListenerAt port: Int) -> Bool {
    #if canImport(Glibc)
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else {
        return false
      }
      for fd in names.compactMap(Int32.init) where isListener(fd) && self.port(of: fd) == port {
        var one: Int32 = 1
        return setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size)) == 0
      }
    #endif
    return false
  }

  #if canImport(Glibc)
    private static func isListener(_ fd: Int32) -> Bool {
      var listening: Int32 = 0
      var size = socklen_t(MemoryLayout<Int32>.size)
      return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) == 0 && listening == 1
    }

    private static func port(of fd: Int32) -> Int? {
      var storage = sockaddr_storage()
      var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let named = withUnsafeMutablePointer(to: &storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) }
      }
      guard named == 0 else { return nil }
      switch Int32(storage.ss_family) {
      case AF_INET:
        return withUnsafePointer(to: &storage) {
          $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
            Int(UInt16(bigEndian: $0.pointee.sin_port))
          }
        }
      case AF_INET6:
        return withUnsafePointer(to: &storage) {
          $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
            Int(UInt16(bigEndian: $0.pointee.sin6_port))
          }
        }
      default:
        return nil
      }
    }
  #endif
}
