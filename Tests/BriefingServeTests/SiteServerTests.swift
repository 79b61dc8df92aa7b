import BriefingServe
import BriefingSite
import Foundation
import Testing

/// A small briefing in a temporary folder, served by a `SiteServer` on a free port.
final class ServedFixture: Sendable {
  let folder: String
  let server: SiteServer
  let port: Int
  var content: String { folder + "/content" }

  static let files: [String: String] = [
    "briefing.yml": "title: Served briefing\n",
    "people/gen-nakatani.md":
      "---\nname: Gen Nakatani\naliases: [Nakatani]\n---\nJapan's defense minister.\n",
    "people/pete-hegseth.md": "---\nname: Pete Hegseth\n---\n",
    "events/call.md":
      "---\ntitle: Nakatani–Hegseth call\ndate: 2025-01-31\npeople: [Gen Nakatani, Pete Hegseth]\n---\n",
    "articles/call.md":
      "---\ntitle: The call\ndate: 2025-02-01\n---\nGen Nakatani spoke with Pete Hegseth about the first draft.\n",
  ]

  init(
    _ files: [String: String] = ServedFixture.files, watch: SiteServer.Watch = .automatic,
    search: Bool = false
  ) async throws {
    folder = NSTemporaryDirectory() + "briefing-serve-test-" + UUID().uuidString
    for (path, text) in files { try Self.write(text, to: folder + "/content/" + path) }
    server = try SiteServer(
      .init(content: folder + "/content", port: 0, search: search, watch: watch), log: { _ in })
    let url = try await server.start()
    port = Int(url.split(separator: ":").last!.filter(\.isNumber))!
  }

  func write(_ text: String, to path: String) throws { try Self.write(text, to: content + "/" + path) }

  func get(_ path: String) async throws -> Response { try await TestClient.get(path, port: port) }

  /// Stops the server and removes the folder.
  func finish() async {
    await server.stop()
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Runs `body` with a fixture served, then stops it, whether `body` failed or not.
  static func serving(
    _ files: [String: String] = ServedFixture.files, watch: SiteServer.Watch = .automatic,
    search: Bool = false,
    _ body: (ServedFixture) async throws -> Void
  ) async throws {
    let fixture = try await ServedFixture(files, watch: watch, search: search)
    do {
      try await body(fixture)
    } catch {
      await fixture.finish()
      throw error
    }
    await fixture.finish()
  }

  private static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}

@Suite struct SiteServerTests {
  @Test func servesPagesAssetsFoldersAndNotFound() async throws {
    try await ServedFixture.serving { fixture in

      let front = try await fixture.get("/")
      #expect(front.status == 200)
      #expect(front.headers["content-type"] == "text/html; charset=utf-8")
      #expect(front.body.contains("<title>Served briefing</title>") || front.body.contains("Served briefing"))
      #expect(front.body.contains("new EventSource(\"/__briefing/events?version="))
      // The script goes just before </body>, not into the page's own content.
      #expect(front.body.contains("</script>\n</body>"))

      let css = try await fixture.get("/assets/style.css")
      #expect(css.status == 200)
      #expect(css.headers["content-type"] == "text/css; charset=utf-8")
      #expect(!css.body.contains("EventSource"))

      #expect(try await fixture.get("/data/briefing.json").headers["content-type"] == "application/json")
      #expect(try await fixture.get("/events.ics").headers["content-type"] == "text/calendar; charset=utf-8")
      #expect(try await fixture.get("/assets/favicon.svg").headers["content-type"] == "image/svg+xml")

      let folder = try await fixture.get("/people")
      #expect(folder.status == 301)
      #expect(folder.headers["location"] == "/people/")
      let index = try await fixture.get("/people/")
      #expect(index.status == 200)
      #expect(index.body.contains("Gen Nakatani"))

      let missing = try await fixture.get("/people/nobody.html")
      #expect(missing.status == 404)
      #expect(missing.body.contains("Page not found"))
      // Its relative links are written for the root; served deeper, they still resolve from it.
      #expect(missing.body.contains("<base href=\"/\">"))

      let head = try await TestClient.get("/", port: fixture.port, method: "HEAD")
      #expect(head.status == 200 && head.body.isEmpty)
      // Serving writes nothing beside the content.
      #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.folder) == ["content"])
    }
  }

  @Test(arguments: [SiteServer.Watch.automatic, .polling])
  func anEditedArticleIsServedWithItsNewText(watch: SiteServer.Watch) async throws {
    try await ServedFixture.serving(watch: watch) { fixture in
      #expect(try await fixture.get("/articles/call.html").body.contains("the first draft"))

      try fixture.write(
        "---\ntitle: The call\ndate: 2025-02-01\n---\nGen Nakatani spoke with Pete Hegseth about the second draft.\n",
        to: "articles/call.md")
      #expect(
        try await eventually {
          try await fixture.get("/articles/call.html").body.contains("the second draft")
        })
      #expect(try await !fixture.get("/articles/call.html").body.contains("the first draft"))
    }
  }

  @Test func aFolderMadeWhileServingIsWatched() async throws {
    try await ServedFixture.serving { fixture in
      #expect(try await fixture.get("/places/tokyo.html").status == 404)

      try FileManager.default.createDirectory(
        atPath: fixture.content + "/places", withIntermediateDirectories: false)
      // Give the watcher a moment to see the folder before a file appears in it.
      try await Task.sleep(for: .milliseconds(100))
      try fixture.write("---\nname: Tokyo\n---\n", to: "places/tokyo.md")
      #expect(try await eventually { try await fixture.get("/places/tokyo.html").status == 200 })
      try fixture.write("---\nname: Tokyo\nsummary: The capital.\n---\n", to: "places/tokyo.md")
      #expect(
        try await eventually { try await fixture.get("/places/tokyo.html").body.contains("The capital.") })
    }
  }

  @Test func brokenFrontMatterShowsTheErrorsOverTheLastGoodSiteUntilFixed() async throws {
    try await ServedFixture.serving { fixture in
      #expect(try await !fixture.get("/articles/call.html").body.contains("briefing-build-errors"))

      try fixture.write("---\nname: Pete Hegseth\naliases: [Hegseth\n---\n", to: "people/pete-hegseth.md")
      #expect(
        try await eventually {
          try await fixture.get("/articles/call.html").body.contains("briefing-build-errors")
        })
      let page = try await fixture.get("/articles/call.html")
      // The last good page, with the panel at the top of its body naming file, line and column.
      #expect(page.status == 200)
      #expect(page.body.contains("the first draft"))
      #expect(page.body.contains("people/pete-hegseth.md:4:1</code>"))
      #expect(page.body.contains("malformed YAML front matter"))
      let body = try #require(page.body.range(of: "<body"))
      let panel = try #require(page.body.range(of: "id=\"briefing-build-errors\""))
      let main = try #require(page.body.range(of: "<main"))
      #expect(body.upperBound < panel.lowerBound && panel.upperBound < main.lowerBound)

      try fixture.write("---\nname: Pete Hegseth\naliases: [Hegseth]\n---\n", to: "people/pete-hegseth.md")
      #expect(
        try await eventually {
          try await !fixture.get("/articles/call.html").body.contains("briefing-build-errors")
        })
      #expect(try await fixture.get("/people/pete-hegseth.html").status == 200)
    }
  }

  @Test func contentThatNeverBuiltGetsAnErrorPageUntilItBuilds() async throws {
    var files = ServedFixture.files
    files["people/pete-hegseth.md"] = "---\nname: [Pete Hegseth\n---\n"
    try await ServedFixture.serving(files) { fixture in

      let page = try await fixture.get("/articles/call.html")
      #expect(page.status == 500)
      #expect(page.body.contains("The briefing does not build"))
      #expect(page.body.contains("people/pete-hegseth.md:3:1</code>: malformed YAML front matter"))
      #expect(page.body.contains("no build has worked yet"))
      #expect(page.body.contains("EventSource"))

      try fixture.write("---\nname: Pete Hegseth\n---\n", to: "people/pete-hegseth.md")
      #expect(try await eventually { try await fixture.get("/articles/call.html").status == 200 })
    }
  }

  @Test func pagesHearReloadWhenARebuildFinishes() async throws {
    try await ServedFixture.serving { fixture in
      let page = try await fixture.get("/index.html").body
      let marker = "events?version="
      let start = try #require(page.range(of: marker)).upperBound
      let version = String(page[start...].prefix { $0 != "\"" })

      let stream = try TestClient.openEvents(port: fixture.port, version: version)
      defer { close(stream) }
      let opened = await TestClient.read(stream, until: "retry: 500", seconds: 60)
      #expect(opened.contains("text/event-stream"))
      #expect(!opened.contains("event: reload"))

      try fixture.write(
        "---\nname: Pete Hegseth\nsummary: Secretary of Defense.\n---\n", to: "people/pete-hegseth.md")
      #expect(await TestClient.read(stream, until: "event: reload", seconds: 60).contains("event: reload"))

      // A page loaded before a rebuild that connects after it reloads at once.
      let late = try TestClient.openEvents(port: fixture.port, version: version)
      defer { close(late) }
      #expect(await TestClient.read(late, until: "event: reload", seconds: 60).contains("event: reload"))
    }
  }

  @Test(.enabled(if: SearchIndexer.locate() != nil, "Pagefind is not installed"))
  func searchIsIndexedAndServedWhenPagefindIsInstalled() async throws {
    try await ServedFixture.serving(search: true) { (fixture: ServedFixture) async throws in
      #expect(try await fixture.get("/search.html").status == 200)
      #expect(
        try await eventually(seconds: 90) { try await fixture.get("/pagefind/pagefind.js").status == 200 })
      #expect(
        try await fixture.get("/pagefind/pagefind.js").headers["content-type"]
          == "text/javascript; charset=utf-8")
      #expect(try await fixture.get("/pagefind/pagefind-entry.json").status == 200)
    }
  }
}
