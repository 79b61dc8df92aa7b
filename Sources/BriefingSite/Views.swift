import BriefingCore

/// View models for the templates: dictionaries of plain values, built from the briefing for a page
/// whose way back to the site root is `root` (`""` at the root, `"../"` one folder down).
struct Views {
  let briefing: Briefing
  let root: String
  /// Whether the site has a search index (and so a search page).
  var search = false

  /// What every page has: site title, navigation, the way to the root.
  func page(title: String, current: String?) -> [String: Any] {
    var nav: [[String: Any]] = [
      ["title": "Timeline", "url": root + "timeline.html", "current": current == "timeline"]
    ]
    for kind in briefing.kinds {
      nav.append([
        "title": kind.title, "url": root + kind.folder + "/index.html", "current": current == kind.folder,
      ])
    }
    nav.append(["title": "Articles", "url": root + "articles/index.html", "current": current == "articles"])
    if search {
      nav.append(["title": "Search", "url": root + "search.html", "current": current == "search"])
    }
    return [
      "root": root,
      "lang": briefing.config.language,
      "siteTitle": briefing.config.title,
      "pageTitle": title,
      "nav": nav,
      "asOf": briefing.asOf.map(date) ?? false,
    ]
  }

  func date(_ date: BriefingDate) -> [String: Any] {
    ["iso": date.iso, "display": date.display, "precision": date.precision.rawValue]
  }

  func link(_ entity: Entity) -> [String: Any] {
    [
      "name": entity.name, "url": root + entity.url, "kind": entity.kind.name,
      "summary": entity.summary ?? false, "mentions": briefing.mentionCount(of: entity.id),
    ]
  }

  func link(_ article: Article) -> [String: Any] {
    [
      "title": article.title, "url": root + article.pageURL, "excerpt": article.titleIsExcerpt,
      "date": article.date.map(date) ?? false, "source": article.source ?? false, "dek": article.dek ?? false,
    ]
  }

  /// A list that templates can test for emptiness: the items, or false.
  func list(_ items: [[String: Any]]) -> Any { items.isEmpty ? false : items }

  // MARK: - Timeline

  /// A timeline entry; `sourceLimit` keeps a list short (the front page), pointing to the rest.
  func entry(_ entry: TimelineEntry, sourceLimit: Int) -> [String: Any] {
    var view = self.entry(
      TimelineEntry(
        date: entry.date, end: entry.end, title: entry.title, event: entry.event, entities: entry.entities,
        sources: Array(entry.sources.prefix(sourceLimit))))
    let more = entry.sources.count - sourceLimit
    view["moreSources"] = more > 0 ? (more == 1 ? "1 more source" : "\(more) more sources") : false
    return view
  }

  func entry(_ entry: TimelineEntry) -> [String: Any] {
    let entities = entry.entities.compactMap { briefing.entityByID[$0] }
    return [
      "date": date(entry.date),
      "end": entry.end.map(date) ?? false,
      "title": entry.title,
      "url": entry.event.map { root + $0 + ".html" } ?? false,
      "people": list(entities.filter { $0.kind == .person }.map(link)),
      "issues": list(entities.filter { $0.kind == .issue }.map(link)),
      "sources": list(
        entry.sources.compactMap { source -> [String: Any]? in
          guard let article = briefing.articleByID[source.article] else { return nil }
          return ["article": link(article), "text": source.text]
        }),
    ]
  }

  /// Entries grouped by year, then month, oldest first.
  func grouped(_ entries: [TimelineEntry]) -> [[String: Any]] {
    var years: [[String: Any]] = []
    var currentYear: Int?
    var months: [[String: Any]] = []
    var currentMonth: Int??
    var items: [[String: Any]] = []
    func closeMonth() {
      guard let month = currentMonth, let year = currentYear else { return }
      let name = month.map { BriefingDate.monthNames[$0 - 1] } ?? "During the year"
      months.append(["month": name, "id": "y\(year)-\(month.map(String.init) ?? "x")", "entries": items])
      items = []
    }
    func closeYear() {
      closeMonth()
      if let year = currentYear { years.append(["year": year, "months": months]) }
      months = []
      currentMonth = nil
    }
    for entry in entries {
      if entry.date.year != currentYear {
        closeYear()
        currentYear = entry.date.year
      }
      if currentMonth == nil || currentMonth! != entry.date.month {
        closeMonth()
        currentMonth = .some(entry.date.month)
      }
      items.append(self.entry(entry))
    }
    closeYear()
    return years
  }

  func timelinePage() -> [String: Any] {
    var context = page(title: "Timeline", current: "timeline")
    context["years"] = list(grouped(briefing.timeline))
    return context
  }

  // MARK: - Lists

  func kindIndex(_ kind: EntityKind) -> [String: Any] {
    var context = page(title: kind.title, current: kind.folder)
    context["items"] = list(
      briefing.entities(of: kind).map { entity in
        var item = link(entity)
        item["date"] = entity.date.map(date) ?? false
        return item
      })
    return context
  }

  func articleIndex() -> [String: Any] {
    var context = page(title: "Articles", current: "articles")
    context["articles"] = list(briefing.articles.map(link))
    return context
  }

  // MARK: - Mentions

  /// An entity's mentions grouped by article (newest first), each sentence with the name marked.
  func mentionsInContext(of id: String) -> Any {
    let mentions = (briefing.mentionsByEntity[id] ?? []).filter { !$0.inHeading }
    let byDocument = Dictionary(grouping: mentions, by: \.document)
    let documents = byDocument.keys.filter { briefing.articleRank[$0] != nil }
      .sorted { briefing.articleRank[$0]! < briefing.articleRank[$1]! }
    let groups: [[String: Any]] = documents.compactMap { id in
      guard let found = byDocument[id], let article = briefing.articleByID[id] else { return nil }
      var seen: Set<String> = []
      let sentences = found.filter { seen.insert($0.sentence).inserted }.map { mention -> [String: Any] in
        ["html": HTML.highlight(mention.text, in: mention.sentence)]
      }
      return ["article": link(article), "sentences": sentences, "count": found.count]
    }
    return list(groups)
  }

  /// Entities that share articles with `id`, with how many articles they share.
  func mentionedWith(_ id: String) -> Any {
    let documents = Set(
      (briefing.mentionsByEntity[id] ?? []).map(\.document).filter { $0.hasPrefix("articles/") })
    var counts: [String: Int] = [:]
    for document in documents.sorted() {
      for other in Set((briefing.mentionsByDocument[document] ?? []).map(\.entity)) where other != id {
        counts[other, default: 0] += 1
      }
    }
    let ranked = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(12)
    return list(
      ranked.compactMap { other, count in
        briefing.entityByID[other].map { entity -> [String: Any] in
          var item = link(entity)
          item["shared"] = count
          item["sharedLabel"] = count == 1 ? "1 article" : "\(count) articles"
          return item
        }
      })
  }

  static func atomTimestamp(_ date: BriefingDate) -> String {
    let day = date.day ?? 1
    let month = date.month ?? 1
    return "\(date.year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
  }
}
