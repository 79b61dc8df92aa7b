import ArgumentParser
import BriefingServe
import CMimalloc
import Foundation

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve the site from memory, rebuilding it and reloading the pages as the content changes.",
    discussion: """
      Nothing is written to the output folder. Pages reload when a rebuild finishes; while the \
      content has errors, the last good site is served with the errors shown on every page.
      """)

  @Option(help: "The content folder; watched for changes.")
  var content = "content"

  @Option(
    help: """
      A folder of templates and assets that replace the built-in theme's, file by file; watched \
      for changes (default: ./templates when it exists, else the built-in theme alone).
      """)
  var templates: String?

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 for any free port.")
  var port: UInt16 = 8000

  @Flag(help: "Open the front page in a browser (with xdg-open).")
  var open = false

  @Flag(inversion: .prefixedNo, help: "Build a Pagefind search index when Pagefind is installed.")
  var search = true

  func run() async throws {
    keepFreedMemory()
    let options = SiteServer.Options(
      content: content, templates: templates ?? defaultTemplates(), host: host, port: port, search: search,
      watch: ProcessInfo.processInfo.environment["BRIEFING_WATCH"] == "polling" ? .polling : .automatic)
    let server: SiteServer
    let url: String
    do {
      server = try SiteServer(options, log: { printError($0) })
      url = try await server.start()
    } catch {
      printError("error: could not serve on \(host):\(port): \(error)")
      throw ExitCode(1)
    }
    // Unbuffered, so that a script reading the address gets it now.
    FileHandle.standardOutput.write(Data("serving \(url) (Ctrl-C to stop)\n".utf8))
    if open { openInBrowser(url) }
    await interrupted()
    printError("stopping")
    await server.stop()
  }

  /// Opens `url` with xdg-open, when there is one.
  private func openInBrowser(_ url: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["xdg-open", url]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      printError("could not open a browser (xdg-open): open \(url) yourself")
    }
  }
}

/// Returns when the process gets SIGINT (Ctrl-C) or SIGTERM. A second Ctrl-C ends it at once.
private func interrupted() async {
  signal(SIGINT, SIG_IGN)
  signal(SIGTERM, SIG_IGN)
  let (signals, continuation) = AsyncStream<Void>.makeStream()
  let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
  for source in sources {
    source.setEventHandler { continuation.yield() }
    source.resume()
  }
  var iterator = signals.makeAsyncIterator()
  await iterator.next()
  for source in sources { source.cancel() }
  signal(SIGINT, SIG_DFL)
}

/// Keeps memory a rebuild frees for the next one instead of handing it back to the system: every
/// rebuild allocates about as much as the last freed, and memory fresh from the system is zeroed
/// page by page (page faults were an eighth of a 10,000-article rebuild's time).
private func keepFreedMemory() {
  mi_option_disable(mi_option_allow_decommit)
}
