import BriefingCore
import BriefingSite
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// `briefing serve`: builds the site into memory, serves it over HTTP, and rebuilds it when the
/// content or the templates change on disk, telling every open page to reload. While a rebuild has
/// errors the last good site stays served, with the errors shown on every page.
public final class SiteServer: Sendable {
  /// What to serve, and where.
  public struct Options: Sendable {
    public var content: String
    /// A folder whose files replace the built-in theme's; watched too. Nil for the built-in theme.
    public var templates: String?
    public var host: String
    /// 0 for any free port (`start` says which).
    public var port: UInt16
    /// Index the site with Pagefind when it is installed, so that search works.
    public var search: Bool
    /// inotify when the system has it, else polling; or polling only.
    public var watch: Watch

    public init(
      content: String, templates: String? = nil, host: String = "127.0.0.1", port: UInt16 = 8000,
      search: Bool = true, watch: Watch = .automatic
    ) {
      self.content = content
      self.templates = templates
      self.host = host
      self.port = port
      self.search = search
      self.watch = watch
    }
  }

  /// How the folders are watched for changes.
  public enum Watch: String, Sendable {
    case automatic, polling
  }

  private let options: Options
  private let log: @Sendable (String) -> Void
  private let builder: SiteBuilder
  private let store: SiteStore
  private let server: HTTPServer
  private let watcher = Mutex<FolderWatcher?>(nil)
  private let search: SearchQueue?
  /// Told apart from the versions of an earlier server, so that a page reconnecting to a restarted
  /// server reloads.
  private let session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
  private let generation = Atomic<Int>(0)
  private let printed = Mutex<[Diagnostic]>([])
  private let tasks = Mutex<[Task<Void, Never>]>([])

  /// A server for `options`; `log` takes what it says (diagnostics, rebuilds, search).
  public init(_ options: Options, log: @escaping @Sendable (String) -> Void) throws {
    self.options = options
    self.log = log
    let indexer = options.search ? SearchIndexer.locate() : nil
    if options.search && indexer == nil {
      log("search: Pagefind is not installed (pip install pagefind-bin); serving without search")
    }
    builder = SiteBuilder(content: options.content, templates: options.templates, search: indexer != nil)
    let store = SiteStore(ServedSite(version: "starting"))
    self.store = store
    server = HTTPServer(
      config: .init(address: try Self.address(options.host, options.port), logger: .disabled),
      handler: SiteHandler(store: store))
    search = indexer.map { SearchQueue(indexer: $0, store: store, log: log) }
  }

  /// Builds the site, starts listening and watching, and returns the front page's address.
  public func start() async throws -> String {
    await offThePool { self.rebuild() }
    let failure = Mutex<(any Error)?>(nil)
    Task { [server] in
      do { try await server.run() } catch { failure.withLock { $0 = error } }
    }
    // Until it listens, or fails to (the port is taken, the address is not this machine's).
    while !(await server.isListening) {
      if let error = failure.withLock({ $0 }) { throw error }
      try await Task.sleep(for: .milliseconds(5))
    }
    if let port = await port(), !NoDelay.set(onListenerAt: port) {
      log("could not set TCP_NODELAY on the server's socket: responses may wait for the client's ACK")
    }
    let folders = [options.content] + (options.templates.map { [$0] } ?? [])
    let watcher = FolderWatcher(folders: folders) { [weak self] in self?.rebuild() }
    let mode = watcher.start(options.watch == .polling ? .polling : .automatic)
    if options.watch == .automatic && mode == .polling {
      log("watching by polling every 300 ms: inotify is not available")
    }
    self.watcher.withLock { $0 = watcher }
    let keepAlive = Task { [store] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(15))
        store.events.keepAlive()
      }
    }
    tasks.withLock { $0.append(keepAlive) }
    return try await address()
  }

  /// Stops watching and serving: open pages' event streams end, and a search index being built
  /// is finished first.
  public func stop() async {
    watcher.withLock { $0?.stop() }
    store.events.finish()
    await server.stop(timeout: 1)
    for task in tasks.withLock({ $0 }) { task.cancel() }
    await offThePool { self.search?.finish() }
  }

  /// Rebuilds the site and swaps it in whole, then tells the pages to reload.
  func rebuild() {
    let clock = ContinuousClock()
    let started = clock.now
    let result = builder.build()
    let took = clock.now - started
    let version = "\(session)-\(generation.add(1, ordering: .relaxed).newValue)"
    let errors = result.diagnostics.filter { $0.severity == .error }
    var replaced: SiteOnDemand?
    store.update { site in
      if let pages = result.site {
        replaced = site.pages
        site.pages = pages
        site.errors = []
      } else {
        site.errors = errors
      }
      site.version = version
    }
    store.events.reload(version: version)
    // The site replaced is freed in the background, not before the pages can ask for the new one.
    if let replaced { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} } }
    replaced = nil
    report(result, took: took)
    if let pages = result.site { search?.index(pages) }
  }

  private func report(_ result: PreparedSite, took: Duration) {
    let changed = printed.withLock { printed in
      defer { printed = result.diagnostics }
      return printed != result.diagnostics
    }
    if changed {
      for diagnostic in result.diagnostics { log(diagnostic.description) }
    }
    let ms = Int(took / .milliseconds(1))
    if result.site != nil {
      log("rebuilt \(result.documents) documents in \(ms) ms; pages are rendered as they are asked for")
    } else {
      let count = result.diagnostics.filter { $0.severity == .error }.count
      log(
        "the build has \(count) error\(count == 1 ? "" : "s") (\(ms) ms); serving the last good site with them shown"
      )
    }
  }

  private func port() async -> Int? {
    switch await server.listeningAddress {
    case .ip4(_, let port), .ip6(_, let port): Int(port)
    default: nil
    }
  }

  private func address() async throws -> String {
    guard let address = await server.listeningAddress else { throw SocketError.disconnected }
    switch address {
    case .ip4(let host, let port): return "http://\(host):\(port)/"
    case .ip6(let host, let port): return "http://[\(host)]:\(port)/"
    case .unix(let path): return path
    }
  }

  private static func address(_ host: String, _ port: UInt16) throws -> any SocketAddress {
    if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
    if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
    return try sockaddr_in.inet(ip4: host, port: port)
  }
}

/// Runs `body` on a thread of its own rather than one of Swift concurrency's few: builds and
/// Pagefind block for a while.
func offThePool(_ body: @escaping @Sendable () -> Void) async {
  await withCheckedContinuation { continuation in
    DispatchQueue.global().async {
      body()
      continuation.resume()
    }
  }
}
