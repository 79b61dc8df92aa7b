import BriefingCore
import Testing

@testable import BriefingServe

@Suite struct LiveReloadTests {
  @Test func theScriptGoesBeforeTheLastBodyCloseAndThePanelAfterTheBodyOpen() {
    let page = Array("<html><head></head><body class=\"x\"><p>&lt;/body&gt;</p></body></html>".utf8)
    let error = Diagnostic.error("malformed-yaml", "content/people/a.md", line: 3, column: 7, "bad")
    let decorated = String(decoding: LiveReload.decorate(page, version: "v1", errors: [error]), as: UTF8.self)
    #expect(decorated.hasPrefix("<html><head></head><body class=\"x\"><div id=\"briefing-build-errors\""))
    #expect(decorated.contains("<p>&lt;/body&gt;</p><script>"))
    #expect(decorated.hasSuffix("</script>\n</body></html>"))
    #expect(decorated.contains("events?version=v1"))
    #expect(decorated.contains("content/people/a.md:3:7</code>: bad"))
  }

  @Test func withoutErrorsThereIsNoPanel() {
    let page = Array("<body><p>x</p></body>".utf8)
    let decorated = String(decoding: LiveReload.decorate(page, version: "v1", errors: []), as: UTF8.self)
    #expect(!decorated.contains("briefing-build-errors"))
  }

  @Test func everythingInThePanelIsEscaped() {
    let error = Diagnostic.error(
      "malformed-yaml", "content/<b>.md", line: 1, column: 2, "found '<script>alert(1)</script>' & more")
    let panel = LiveReload.panel([error])
    #expect(!panel.contains("<script>"))
    #expect(!panel.contains("<b>"))
    #expect(panel.contains("content/&lt;b&gt;.md:1:2"))
    #expect(panel.contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; more"))
  }

  @Test func theVersionCannotBreakOutOfTheScript() {
    let script = LiveReload.script(version: "a\"</script><b>-1")
    #expect(script.contains("version=ascriptb-1\""))
  }

  @Test(arguments: [
    ("index.html", "text/html; charset=utf-8"), ("assets/style.css", "text/css; charset=utf-8"),
    ("assets/search.js", "text/javascript; charset=utf-8"), ("assets/favicon.svg", "image/svg+xml"),
    ("feed.xml", "application/xml; charset=utf-8"), ("data/briefing.json", "application/json"),
    ("events.ics", "text/calendar; charset=utf-8"), ("pagefind/wasm.en.pagefind", "application/octet-stream"),
    ("pagefind/fragment/en_1.pf_fragment", "application/octet-stream"),
    ("README", "application/octet-stream"),
  ])
  func contentTypes(path: String, type: String) {
    #expect(ContentType.of(path) == type)
  }
}
