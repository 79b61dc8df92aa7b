import BriefingCore
import Foundation

/// The render stage: every page, feed and export of a briefing, as files by site-relative path.
struct SiteRenderer: Sendable {
  let briefing: Briefing
  let bodies: RenderedBodies
  let theme: Theme
  /// Whether a search index will be built: adds the search page and its link.
  var search = false

  /// One output file to make.
  enum Page: Sendable {
    case front, timeline, notFound, articleIndex, search
    case kindIndex(EntityKind)
    case entity(String)
    case article(String)
  }

  func render() throws -> [String: [UInt8]] {
    var pages: [Page] = [.front, .timeline, .notFound, .articleIndex]
    if search { pages.append(.search) }
    pages += briefing.kinds.map { .kindIndex($0) }
    pages += briefing.entities.map { .entity($0.id) }
    pages += briefing.articles.map { .article($0.id) }
    let rendered = parallelMap(pages) { page in self.render(page) }
    var files: [String: [UInt8]] = [:]
    for (path, text) in rendered { files[path] = Array(text.utf8) }
    for (path, bytes) in theme.assets { files[path] = bytes }
    files["data/briefing.json"] = try DataExport(briefing: briefing).json()
    files["events.ics"] = Calendar(briefing: briefing).ics()
    files["feed.xml"] = Array(theme.render("feed", feedContext()).utf8)
    if briefing.config.baseURL != nil {
      files["sitemap.xml"] = Array(theme.render("sitemap", sitemapContext(files.keys.sorted())).utf8)
    }
    return files
  }

  private func views(root: String) -> Views {
    Views(briefing: briefing, root: root, search: search)
  }

  private func render(_ page: Page) -> (String, String) {
    let views = views(root: "../")
    switch page {
    case .front:
      return (
        "index.html",
        theme.render(
          "index", FrontPage(briefing: briefing, bodies: bodies, views: self.views(root: "")).context())
      )
    case .timeline:
      return ("timeline.html", theme.render("timeline", self.views(root: "").timelinePage()))
    case .notFound:
      let context = self.views(root: briefing.config.baseURL ?? "").page(
        title: "Page not found", current: nil)
      return ("404.html", theme.render("404", context))
    case .search:
      return (
        "search.html", theme.render("search", self.views(root: "").page(title: "Search", current: "search"))
      )
    case .articleIndex:
      return ("articles/index.html", theme.render("list", views.articleIndex()))
    case .kindIndex(let kind):
      return ("\(kind.folder)/index.html", theme.render("list", views.kindIndex(kind)))
    case .entity(let id):
      let entity = briefing.entityByID[id]!
      let template: String
      switch entity.kind {
      case .person: template = "person"
      case .event: template = "event"
      case .issue: template = "issue"
      case .organization, .other: template = "entity"
      }
      return ("\(id).html", theme.render(template, views.entityPage(entity, body: bodies.html[id] ?? "")))
    case .article(let id):
      let article = briefing.articleByID[id]!
      return ("\(id).html", theme.render("article", views.articlePage(article, body: bodies.html[id] ?? "")))
    }
  }

  private func feedContext() -> [String: Any] {
    let base = briefing.config.baseURL ?? ""
    let fallback = briefing.asOf.map(Views.atomTimestamp) ?? "1970-01-01T00:00:00Z"
    let entries: [[String: Any]] = briefing.articles.map { article in
      [
        "title": article.title,
        "url": base + article.pageURL,
        "id": base.isEmpty ? "urn:briefing:\(article.id)" : base + article.pageURL,
        "updated": article.date.map(Views.atomTimestamp) ?? fallback,
        "summary": article.dek
          ?? ArticleInference.excerpt(of: article.paragraphs.first?.text ?? article.title),
        "source": article.source ?? "",
      ]
    }
    return [
      "title": briefing.config.title,
      "subtitle": briefing.config.description ?? "",
      "base": base,
      "id": base.isEmpty ? "urn:briefing:\(Slug.make(briefing.config.title))" : base,
      "updated": fallback,
      "entries": entries,
    ]
  }

  private func sitemapContext(_ paths: [String]) -> [String: Any] {
    let base = briefing.config.baseURL ?? ""
    let urls = paths.filter { $0.hasSuffix(".html") && $0 != "404.html" }.map { ["loc": base + $0] }
    return ["urls": urls]
  }
}
