import BriefingCore
import BriefingSite

/// What `serve` adds to the HTML pages it serves, and nothing `build` writes has: a script that
/// reloads the page when the site is rebuilt, and, while the latest build has errors, a panel that
/// lists them above the last good page.
enum LiveReload {
  /// The Server-Sent Events stream the script listens on.
  static let eventsPath = "/__briefing/events"

  /// `html` with the panel of `errors` (when there are any) at the top of its body, and the
  /// live-reload script for `version` before `</body>`. `rootBase` adds `<base href="/">`, for the
  /// 404 page, whose relative links are written for the site's root but served at any depth.
  static func decorate(
    _ html: [UInt8], version: String, errors: [Diagnostic], rootBase: Bool = false, lastGood: Bool = true
  ) -> [UInt8] {
    var page = html
    if let end = page.lastIndex(of: Array("</body>".utf8)) {
      page.insert(contentsOf: script(version: version).utf8, at: end)
    } else {
      page += script(version: version).utf8
    }
    if !errors.isEmpty, let body = page.firstIndex(of: Array("<body".utf8)),
      let open = page[(body + 5)...].firstIndex(of: UInt8(ascii: ">"))
    {
      page.insert(contentsOf: panel(errors, lastGood: lastGood).utf8, at: open + 1)
    }
    if rootBase, let head = page.firstIndex(of: Array("<head>".utf8)) {
      page.insert(contentsOf: "<base href=\"/\">".utf8, at: head + 6)
    }
    return page
  }

  /// The page served for every path while no build has succeeded yet.
  static func errorPage(_ errors: [Diagnostic], version: String) -> [UInt8] {
    let html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>The briefing does not build</title>
      </head>
      <body>
      <main><h1>The briefing does not build</h1></main>
      </body>
      </html>

      """
    return decorate(Array(html.utf8), version: version, errors: errors, lastGood: false)
  }

  /// The script: listen for `reload` and reload. The version it sends lets the server tell a page
  /// that loaded just before a rebuild to reload at once.
  static func script(version: String) -> String {
    let query = version.filter { $0.isLetter || $0.isNumber || $0 == "-" }
    return """
      <script>(function () {
        var events = new EventSource("\(eventsPath)?version=\(query)");
        events.addEventListener("reload", function () { events.close(); location.reload(); });
        window.addEventListener("pagehide", function () { events.close(); });
      })();</script>

      """
  }

  /// The errors as a panel: file, line, column and message of each, all escaped. `lastGood` says
  /// that the page under it is from the last build that worked.
  static func panel(_ errors: [Diagnostic], lastGood: Bool = true) -> String {
    let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
    let page = lastGood ? "this is the last build that worked" : "no build has worked yet"
    var html = """
      <div id="briefing-build-errors" role="alert" style="margin:0;padding:1rem 1.25rem;\
      background:#fff1f0;color:#5c0b05;border-bottom:3px solid #b3261e;font:15px/1.5 system-ui,sans-serif">
      <p style="margin:0 0 .5rem"><strong>The briefing has \(count)</strong>; \(page). Fix the content \
      and the page reloads.</p>
      <ul style="margin:0;padding-left:1.25rem">
      """
    for error in errors {
      var place = HTML.escape(error.file)
      if error.line > 0 {
        place += ":\(error.line)"
        if error.column > 0 { place += ":\(error.column)" }
      }
      html += "<li><code style=\"font-weight:600\">\(place)</code>: \(HTML.escape(error.message))</li>\n"
    }
    return html + "</ul>\n</div>\n"
  }
}

extension [UInt8] {
  /// Where `needle` first starts.
  fileprivate func firstIndex(of needle: [UInt8]) -> Int? {
    guard needle.count <= count else { return nil }
    return (0...(count - needle.count)).first { self[$0..<($0 + needle.count)].elementsEqual(needle) }
  }

  /// Where `needle` last starts.
  fileprivate func lastIndex(of needle: [UInt8]) -> Int? {
    guard needle.count <= count else { return nil }
    return (0...(count - needle.count)).reversed().first {
      self[$0..<($0 + needle.count)].elementsEqual(needle)
    }
  }
}
