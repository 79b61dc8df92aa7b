import BriefingCore
import Foundation

/// A site whose pages are rendered when they are first asked for, then kept: what `briefing
/// serve` serves, so that a rebuild is ready once the content is linked and assembled, however
/// many pages the site has. What it renders is what `build` writes at the same path.
public final class SiteOnDemand: @unchecked Sendable {
  // @unchecked: `made` and `done` are only touched under `lock`; the renderer never changes.
  private let renderer: SiteRenderer
  private let lock = NSLock()
  private var made: [String: [UInt8]]
  /// The pages rendered, with every file they made; `everything` once the whole site has been.
  private var done: Set<String> = []
  private var everything = false

  init(renderer: SiteRenderer) {
    self.renderer = renderer
    made = renderer.theme.assets
  }

  /// The file at a site-relative path, rendered now if it has not been; nil when the site has none.
  public func file(_ path: String) -> [UInt8]? {
    if let bytes = lock.withLock({ made[path] }) { return bytes }
    if let page = renderer.page(at: path) {
      let key = "\(page)"
      // Read again with the check: another request may have rendered the page since the first
      // look, and then it is done and its file made (answering nil here was a 404 for a page
      // asked for twice at once).
      let (madeSince, rendered) = lock.withLock { (made[path], done.contains(key) || everything) }
      if let madeSince { return madeSince }
      guard !rendered else { return nil }
      let files = renderer.files(of: page)
      return lock.withLock {
        for (path, bytes) in files { made[path] = bytes }
        done.insert(key)
        return made[path]
      }
    }
    // Not a page: the feed, the calendar, the data export, a sitemap. They are made with the
    // whole site, which they describe. Anything else (a browser's `favicon.ico`) is not there.
    let whole =
      ["feed.xml", "events.ics"].contains(path) || path.hasPrefix("data/")
      || (path.hasPrefix("sitemap") && path.hasSuffix(".xml"))
    guard whole, !lock.withLock({ everything }), let all = try? all() else { return nil }
    return all[path]
  }

  /// Every file of the site, rendering all pages (on all cores) that have not been.
  public func all() throws -> [String: [UInt8]] {
    if let files = lock.withLock({ everything ? made : nil }) { return files }
    let sink = MemorySink()
    try renderer.render(into: sink)
    let files = sink.files
    lock.withLock {
      made = files
      everything = true
    }
    return files
  }

  /// The templates' uses of names their pages do not provide, in the pages rendered so far.
  public var templateWarnings: [Diagnostic] { renderer.theme.missingNameWarnings() }
}

extension SiteRenderer {
  /// The page that writes the HTML file at `path` (itself or one of its continuation pages); nil
  /// for a path no page writes, and for files that are not pages.
  func page(at path: String) -> Page? {
    guard path.hasSuffix(".html") else { return nil }
    if let part = timelineParts.firstIndex(where: { $0.path == path }) { return .timelinePart(part) }
    var base = String(path.dropLast(".html".count))
    // A continuation page: `people/x.p2`, `articles/index.p3`.
    if let dot = base.range(of: ".p", options: .backwards), let number = Int(base[dot.upperBound...]),
      number > 1
    {
      base = String(base[..<dot.lowerBound])
    }
    switch base {
    case "index": return .front
    case "timeline": return .timeline
    case "404": return .notFound
    case "search": return search ? .search : nil
    case "articles/index": return .articleIndex
    default: break
    }
    if let kind = briefing.kinds.first(where: { base == $0.folder + "/index" }) { return .kindIndex(kind) }
    if briefing.entityByID[base] != nil { return .entity(base) }
    if briefing.articleRank[base] != nil { return .article(base) }
    return nil
  }
}
