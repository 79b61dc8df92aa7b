import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A response as read off the socket.
struct Response {
  var status: Int
  var headers: [String: String]
  var body: String
}

/// A plain HTTP/1.1 client on a socket, so that the tests see exactly what the server sends.
enum TestClient {
  /// GETs `path` from the server at `port` on 127.0.0.1. The socket blocks: this runs on a thread
  /// of its own, not on one of the few that run the server's tasks.
  static func get(_ path: String, port: Int, method: String = "GET") async throws -> Response {
    try await offThePool { try getNow(path, port: port, method: method) }
  }

  private static func getNow(_ path: String, port: Int, method: String) throws -> Response {
    let socket = try connect(port: port)
    defer { close(socket) }
    try send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", to: socket)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = Glibc.read(socket, &buffer, buffer.count)
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return try parse(bytes)
  }

  /// Opens the live-reload stream and returns its socket; read it with `readEvents`.
  static func openEvents(port: Int, version: String) throws -> Int32 {
    let socket = try connect(port: port)
    try send(
      "GET /__briefing/events?version=\(version) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", to: socket)
    return socket
  }

  /// What arrives on `socket` until `until` is in it or `seconds` pass.
  static func read(_ socket: Int32, until: String, seconds: Double) async -> String {
    await offThePool { readNow(socket, until: until, seconds: seconds) }
  }

  private static func readNow(_ socket: Int32, until: String, seconds: Double) -> String {
    var text = ""
    let deadline = Date().addingTimeInterval(seconds)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline && !text.contains(until) {
      var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0)]
      guard poll(&fds, 1, 100) > 0 else { continue }
      let count = Glibc.read(socket, &buffer, buffer.count)
      if count <= 0 { break }
      text += String(decoding: buffer[0..<count], as: UTF8.self)
    }
    return text
  }

  private static func connect(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(fd)
      throw ClientError("could not connect to port \(port)")
    }
    // Generous: under `swift test` the other suites can keep the server's threads busy for a while.
    var timeout = timeval(tv_sec: 120, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return fd
  }

  private static func send(_ text: String, to socket: Int32) throws {
    let bytes = Array(text.utf8)
    guard write(socket, bytes, bytes.count) == bytes.count else { throw ClientError("could not send") }
  }

  private static func parse(_ bytes: [UInt8]) throws -> Response {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let end = text.range(of: "\r\n\r\n") else { throw ClientError("no response head: \(text)") }
    let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
    let status = Int(lines[0].split(separator: " ")[1]) ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2 {
        headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    return Response(status: status, headers: headers, body: String(text[end.upperBound...]))
  }
}

struct ClientError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Waits until `condition` holds, checking every 20 ms, for at most `seconds`; whether it held.
func eventually(seconds: Double = 60, _ condition: () async throws -> Bool) async throws -> Bool {
  let deadline = Date().addingTimeInterval(seconds)
  while Date() < deadline {
    if try await condition() { return true }
    try await Task.sleep(for: .milliseconds(20))
  }
  return try await condition()
}

/// Runs `body` on a dispatch thread and waits for it without holding a thread of Swift concurrency.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
  }
}

func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
  await withCheckedContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(returning: body()) }
  }
}
