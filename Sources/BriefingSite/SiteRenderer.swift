import BriefingCore
import BriefingTemplates
import Foundation

/// The render stage: every page, feed and export of a briefing, as files by site-relative path.
struct SiteRenderer: Sendable {
  let briefing: Briefing
  let bodies: RenderedBodies
  let theme: Theme
  /// Whether a search index will be built: adds the search page and its link.
  let search: Bool
  /// What changed since an earlier briefing (`build --since`): adds `changes.html`,
  /// `data/changes.json`, `data/changes.md` and a link on the front page.
  var changes: Changes?
  /// With a record of the last build into the same output: the entity and article pages whose
  /// inputs are unchanged are that build's files again, not rendered.
  var reuse: PageReuse?
  /// Views for pages at the root and one folder down, with their link views made once.
  private let atRoot: Views
  private let inFolder: Views
  /// The pages of a timeline too long for one (none when it fits on `timeline.html`).
  let timelineParts: [Paging.TimelinePart]

  init(briefing: Briefing, bodies: RenderedBodies, theme: Theme, search: Bool = false) {
    self.briefing = briefing
    self.bodies = bodies
    self.theme = theme
    self.search = search
    let aggregates = Views.Aggregates()
    let views = parallelMap(["", "../"]) { root in
      Views(briefing: briefing, root: root, search: search, aggregates: aggregates).sharingLinks()
    }
    atRoot = views[0]
    inFolder = views[1]
    timelineParts =
      briefing.timeline.count > Paging.timelineEntries ? Paging.timelineParts(briefing.timeline) : []
  }

  /// One output file to make.
  enum Page: Sendable {
    case front, timeline, notFound, articleIndex, search
    /// One of `timelineParts`, by index.
    case timelinePart(Int)
    case kindIndex(EntityKind)
    case entity(String)
    case article(String)
  }

  /// Renders every file into `sink` as it is made, pages on all cores, and says how many pages
  /// and files there were. Nothing is held once written.
  @discardableResult
  func render(into sink: SiteSink) throws -> (pages: Int, files: Int) {
    var pages: [Page] = [.front, .timeline, .notFound, .articleIndex]
    if search { pages.append(.search) }
    pages += timelineParts.indices.map { .timelinePart($0) }
    pages += briefing.kinds.map { .kindIndex($0) }
    pages += briefing.entities.map { .entity($0.id) }
    pages += briefing.articles.map { .article($0.id) }
    // Each page is written as soon as it is rendered; what is kept is its path. The data export,
    // the longest single piece of work, goes first, beside the pages (nil stands for it).
    let written = parallelMap([nil] + pages.map(Optional.some)) { page -> Result<[String], BriefingError> in
      guard let page else { return self.writeData(into: sink) }
      return self.write(page, into: sink)
    }
    var htmlPaths: [String] = []
    for result in written { htmlPaths += try result.get() }
    htmlPaths.sort()
    // Two pages at one path would leave one of them unseen.
    for (first, second) in zip(htmlPaths, htmlPaths.dropFirst()) where first == second {
      throw BriefingError(stage: .render, file: first, "two pages would be written to '\(first)'")
    }
    var files = htmlPaths.count
    for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
      try sink.write(path, bytes)
      files += 1
    }
    try sink.write("events.ics", Calendar(briefing: briefing).ics())
    try sink.write("feed.xml", theme.render("feed", feedContext()))
    if let changes {
      try sink.write("changes.html", theme.render("changes", changes.view(atRoot)))
      try sink.write("data/changes.json", changes.json())
      try sink.write("data/changes.md", Array(changes.markdown().utf8))
      htmlPaths.append("changes.html")
      htmlPaths.sort()
      files += 3
    }
    files += 3
    if briefing.config.baseURL != nil {
      for (path, bytes) in sitemaps(htmlPaths) {
        try sink.write(path, bytes)
        files += 1
      }
    }
    return (htmlPaths.count, files)
  }

  /// Renders one page (and its continuation pages) and writes it; the paths written. Never inlined,
  /// so that `make bench` can count the instructions spent here.
  @inline(never)
  func write(_ page: Page, into sink: SiteSink) -> Result<[String], BriefingError> {
    var recording: (key: String, inputs: Digest)?
    if let reuse, let key = reuse.key(of: page), let inputs = reuse.inputs(of: page) {
      if let last = reuse.lastFiles(key, inputs: inputs), let files = sink.keep(last) {
        reuse.record(key, inputs: inputs, files: files, kept: true)
        return .success(files.map(\.path))
      }
      recording = (key, inputs)
    }
    var paths: [String] = []
    var files: [PageReuse.File] = []
    for (path, bytes) in render(page) {
      do {
        try sink.write(path, bytes)
      } catch {
        return .failure(error as? BriefingError ?? BriefingError(stage: .write, file: path, "\(error)"))
      }
      paths.append(path)
      if recording != nil {
        files.append(
          PageReuse.File(path: path, size: bytes.count, digest: Digest(of: bytes), stamp: sink.stamp(path)))
      }
    }
    if let recording { reuse?.record(recording.key, inputs: recording.inputs, files: files, kept: false) }
    return .success(paths)
  }

  /// Writes `data/briefing.json`; no page paths.
  private func writeData(into sink: SiteSink) -> Result<[String], BriefingError> {
    do {
      try sink.write("data/briefing.json", pieces: DataExport(briefing: briefing).write)
      return .success([])
    } catch {
      return .failure(
        error as? BriefingError ?? BriefingError(stage: .write, file: "data/briefing.json", "\(error)"))
    }
  }

  /// Every file in memory, by path: for tests and for a server.
  func render() throws -> [String: [UInt8]] {
    let sink = MemorySink()
    try render(into: sink)
    return sink.files
  }

  /// The most URLs one sitemap file may list (the sitemaps.org limit).
  static let sitemapLimit = 50_000

  /// `sitemap.xml`, or, past the limit, `sitemap-1.xml`, `sitemap-2.xml`, … and `sitemap.xml` as
  /// their index.
  private func sitemaps(_ paths: [String]) -> [(String, [UInt8])] {
    let pages = paths.filter { $0.hasSuffix(".html") && $0 != "404.html" }
    return SiteRenderer.sitemapFiles(
      pages: pages, base: briefing.config.baseURL ?? "", limit: SiteRenderer.sitemapLimit
    ) {
      theme.render("sitemap", sitemapContext($0))
    }
  }

  static func sitemapFiles(
    pages: [String], base: String, limit: Int, render: ([String]) -> [UInt8]
  ) -> [(String, [UInt8])] {
    guard pages.count > limit else { return [("sitemap.xml", render(pages))] }
    var files: [(String, [UInt8])] = []
    var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for (n, start) in stride(from: 0, to: pages.count, by: limit).enumerated() {
      let name = "sitemap-\(n + 1).xml"
      files.append((name, render(Array(pages[start..<min(pages.count, start + limit)]))))
      index += "<sitemap><loc>\(HTML.escape(base + name))</loc></sitemap>\n"
    }
    index += "</sitemapindex>\n"
    files.append(("sitemap.xml", Array(index.utf8)))
    return files
  }

  private func views(root: String) -> Views {
    root == "" ? atRoot : root == "../" ? inFolder : Views(briefing: briefing, root: root, search: search)
  }

  /// The files of one page: the page, and its continuation pages when it is long.
  func files(of page: Page) -> [(path: String, bytes: [UInt8])] { render(page) }

  private func render(_ page: Page) -> [(path: String, bytes: [UInt8])] {
    let views = views(root: "../")
    switch page {
    case .front:
      let front = FrontPage(briefing: briefing, bodies: bodies, views: self.views(root: ""))
      var context = front.context()
      context["changes"] =
        changes.map { ["summary": .string($0.summary), "since": .string($0.since)] } ?? false
      return [("index.html", theme.render("index", context))]
    case .timeline:
      let views = self.views(root: "")
      guard !timelineParts.isEmpty else {
        return [("timeline.html", theme.render("timeline", views.timelinePage()))]
      }
      return [("timeline.html", theme.render("timeline", views.timelineIndexPage(timelineParts)))]
    case .timelinePart(let index):
      let context = self.views(root: "").timelinePartPage(timelineParts, index + 1)
      return [(timelineParts[index].path, theme.render("timeline", context))]
    case .notFound:
      let context = self.views(root: briefing.config.baseURL ?? "").page(
        title: "Page not found", current: nil)
      return [("404.html", theme.render("404", context))]
    case .search:
      return [
        ("search.html", theme.render("search", self.views(root: "").page(title: "Search", current: "search")))
      ]
    case .articleIndex:
      return views.articleIndexPages().map { ($0.path, theme.render("list", $0.fields)) }
    case .kindIndex(let kind):
      return views.kindIndexPages(kind).map { ($0.path, theme.render("list", $0.fields)) }
    case .entity(let id):
      let entity = briefing.entityByID[id]!
      let template: String
      switch entity.kind {
      case .person: template = "person"
      case .event: template = "event"
      case .issue: template = "issue"
      case .organization, .other: template = "entity"
      }
      return views.entityPages(entity, body: bodies.html[id]?.text ?? "").map {
        ($0.path, theme.render(template, $0.fields))
      }
    case .article(let id):
      let article = briefing.article(id: id)!
      return [
        ("\(id).html", theme.render("article", views.articlePage(article, body: bodies.html[id]?.text ?? "")))
      ]
    }
  }

  /// How many of the latest articles the Atom feed holds.
  static let feedLimit = 50

  /// The earliest date (as `BriefingDate.orderKey`, undated as `Int.min`) an article of the feed
  /// can have: the feed's articles are among those dated then or later, however equal dates are
  /// ordered. One article for each id, the first, as the briefing keeps.
  static func feedDateKey(_ articles: [Article]) -> Int {
    var seen: Set<String> = []
    let keys = articles.filter { seen.insert($0.id).inserted }.map { $0.date?.orderKey ?? Int.min }
    guard keys.count > feedLimit else { return Int.min }
    return keys.sorted(by: >)[feedLimit - 1]
  }

  private func feedContext() -> TemplateValue {
    let base = briefing.config.baseURL ?? ""
    let fallback = briefing.asOf.map(Views.atomTimestamp) ?? "1970-01-01T00:00:00Z"
    // The latest articles only: a feed reader wants what is new, not the archive.
    let entries: [TemplateValue] = briefing.articles.prefix(SiteRenderer.feedLimit).map { article in
      [
        "title": .string(article.title),
        "url": .string(base + article.pageURL),
        "id": .string(base.isEmpty ? "urn:briefing:\(article.id)" : base + article.pageURL),
        "updated": .string(article.date.map(Views.atomTimestamp) ?? fallback),
        "summary": .string(
          article.dek ?? ArticleInference.excerpt(of: article.paragraphs.first?.text ?? article.title)),
        "source": .string(article.source ?? ""),
      ]
    }
    return [
      "title": .string(briefing.config.title),
      "subtitle": .string(briefing.config.description ?? ""),
      "base": .string(base),
      "id": .string(base.isEmpty ? "urn:briefing:\(Slug.make(briefing.config.title))" : base),
      "updated": .string(fallback),
      "entries": .list(entries),
    ]
  }

  private func sitemapContext(_ paths: [String]) -> TemplateValue {
    let base = briefing.config.baseURL ?? ""
    return ["urls": .list(paths.map { ["loc": .string(base + $0)] })]
  }
}
